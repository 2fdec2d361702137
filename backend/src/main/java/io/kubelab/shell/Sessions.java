package io.kubelab.shell;

import io.kubelab.cluster.NodeFiles;
import io.kubelab.cluster.NodeHost;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machines the terminal is logged in to: the student's workstation at the bottom, and each node
 * reached with {@code ssh} on top (an {@code ssh} from a node nests, {@code exit} goes back one level).
 * Each login has its own working directory and exported variables, as a new login shell does.
 */
public final class Sessions {

    /** The student's own machine, where kubectl runs. */
    public static final String WORKSTATION = "workstation";
    static final String STUDENT = "student";

    /** One login shell on one machine. */
    static final class Session {
        final NodeHost host;
        final MachineFiles files;
        final String user;
        final String home;
        /** The exported variables: what {@code env} lists and commands see. */
        final Map<String, String> env = new TreeMap<>();
        /** Variables set without {@code export}: expansions see them, {@code env} does not. */
        final Map<String, String> vars = new TreeMap<>();
        /** {@code alias} definitions, listed in name order as bash does. */
        final Map<String, String> aliases = new TreeMap<>();
        /** The name the student gave {@code ssh} (a host name or an IP), for "Connection to ... closed." */
        String via = "";
        String cwd;

        Session(NodeHost host, MachineFiles files, String user, String home) {
            this.host = host;
            this.files = files;
            this.user = user;
            this.home = home;
            this.cwd = home;
            env.put("HOME", home);
            env.put("USER", user);
            env.put("HOSTNAME", host == null ? WORKSTATION : host.name());
            env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            env.put("SHELL", "/bin/bash");
        }

        String hostname() {
            return host == null ? WORKSTATION : host.name();
        }
    }

    /**
     * The student's {@code ~/.bashrc}: course steps append aliases and exports to it and {@code source} it. It
     * starts with the comment Debian's skeleton file starts with; the rest of that file (prompt, lesspipe,
     * colours) means nothing to this terminal.
     */
    static final String BASHRC = "# ~/.bashrc: executed by bash(1) for non-login shells.\n";

    private final Deque<Session> stack = new ArrayDeque<>();

    Sessions() {
        NodeFiles workstation = new NodeFiles(new TreeMap<>(Map.of("/etc/hostname", WORKSTATION + "\n",
                "/home/" + STUDENT + "/.bashrc", BASHRC)),
                List.of("/home/" + STUDENT, "/tmp"));
        stack.push(new Session(null, new MachineFiles(workstation, null), STUDENT, "/home/" + STUDENT));
    }

    /** The node the terminal is on, or null on the workstation. */
    public NodeHost host() {
        return stack.peek().host;
    }

    public String hostname() {
        return stack.peek().hostname();
    }

    /** How deep the logins go: 0 on the workstation, 1 after one {@code ssh}. */
    public int depth() {
        return stack.size() - 1;
    }

    public String prompt() {
        Session s = stack.peek();
        String dir = s.cwd.equals(s.home) ? "~" : s.cwd.startsWith(s.home + "/") ? "~" + s.cwd.substring(s.home.length())
                : s.cwd;
        return s.user + "@" + s.hostname() + ":" + dir + (s.user.equals("root") ? "# " : "$ ");
    }

    Session current() {
        return stack.peek();
    }

    void login(NodeHost host, String via) {
        Session session = new Session(host, new MachineFiles(host.files(), host), "root", "/root");
        session.via = via;
        stack.push(session);
    }

    /** Leaves the current node; false on the workstation, which has nowhere to go back to. */
    boolean logout() {
        if (stack.size() == 1) {
            return false;
        }
        stack.pop();
        return true;
    }
}
