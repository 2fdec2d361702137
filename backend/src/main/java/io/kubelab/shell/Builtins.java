package io.kubelab.shell;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commands the shell knows, with the one-line summary {@code help} prints for each. */
final class Builtins {

    /** What {@code clear} writes on an xterm: home, erase screen, erase scrollback. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J\u001b[3J";

    /** A command and where it exists: {@code nodeOnly} ones are on the nodes, not on the workstation. */
    record Entry(String summary, Builtin command, boolean nodeOnly) {
    }

    private final Map<String, Entry> commands = new LinkedHashMap<>();

    Builtins() {
        add("clear", "clear the terminal screen", (shell, args) -> CommandResult.ok(CLEAR_SCREEN));
        add("help", "list the commands this terminal understands", this::help);
        add("history", "show the commands typed in this sandbox, numbered", Builtins::history);
        add("sim", "control the simulated cluster: settle, advance, time, speed, pause, resume, stop, start",
                new SimCommand());
        ShellBuiltins.register(this);
        FileCommands.register(this);
        add("kubectl", "kubectl 1.32 against this sandbox's cluster (kubectl --help lists its commands)",
                new KubectlCommand());
        add("ssh", "log in to a node of the cluster by name or IP, e.g. ssh node01", new SshCommand());
        add("exit", "log out of the node, back to the machine you came from", SshCommand::exit);
        add("logout", "log out of the node, back to the machine you came from", SshCommand::exit);
        add("hostname", "print the machine's name", (shell, args) ->
                CommandResult.ok(shell.sessions().hostname() + "\n"));
        addNode("crictl", "list and inspect the node's containers, pods and images through containerd",
                new Crictl());
        addNode("systemctl", "status, stop, start or restart the node's services (kubelet, containerd)",
                new Systemctl());
        addNode("journalctl", "show a service's log, e.g. journalctl -u kubelet", new Journalctl());
        addNode("ip", "show the node's network interfaces: ip addr", new IpCommand());
        addNode("iptables-save", "print the node's iptables rules (kube-proxy's Service rules)", (shell, args) ->
                CommandResult.ok(shell.sessions().host().proxy().map(p -> p.iptablesSave()).orElse("")));
    }

    void add(String name, String summary, Builtin command) {
        commands.put(name, new Entry(summary, command, false));
    }

    void addNode(String name, String summary, Builtin command) {
        commands.put(name, new Entry(summary, command, true));
    }

    Entry find(String name) {
        return commands.get(name);
    }

    Map<String, Entry> all() {
        return Collections.unmodifiableMap(commands);
    }

    private CommandResult help(Shell shell, List<String> args) {
        StringBuilder out = new StringBuilder();
        out.append("Kubelab sandbox shell. Commands:\n\n");
        boolean onNode = shell.sessions().host() != null;
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        commands.forEach((name, entry) -> {
            if (onNode || !entry.nodeOnly()) {
                out.append("  ").append(name).append(" ".repeat(width - name.length() + 3))
                        .append(entry.summary()).append('\n');
            }
        });
        out.append("\nUse the arrow keys to edit the line and to walk through your history; ")
                .append("Ctrl-C abandons the line.\n");
        return CommandResult.ok(out.toString());
    }

    private static CommandResult history(Shell shell, List<String> args) {
        StringBuilder out = new StringBuilder();
        List<String> lines = shell.history();
        int first = shell.historyOffset();
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.format("%5d  %s%n", first + i + 1, lines.get(i)));
        }
        return CommandResult.ok(out.toString());
    }
}
