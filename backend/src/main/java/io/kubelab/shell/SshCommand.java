package io.kubelab.shell;

import io.kubelab.cluster.NodeHost;

import java.util.List;
import java.util.Optional;

/**
 * {@code ssh NODE [COMMAND]}: a login shell on a node (by host name or internal IP), or one command run
 * there. OpenSSH's own messages for a name that does not resolve and a machine that is down.
 */
final class SshCommand implements Builtin {

    static final int SSH_ERROR = 255;
    static final String USAGE = "usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n"
            + "           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n"
            + "           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n"
            + "           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n"
            + "           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n"
            + "           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n"
            + "           destination [command [argument ...]]\n";

    @Override
    public CommandResult run(Shell shell, List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            // Options that take a value (-i key, -o option, -p port, -l user) skip it too.
            i += "-i-o-p-l-F-J".contains(args.get(i)) && args.get(i).length() == 2 ? 2 : 1;
        }
        if (i >= args.size()) {
            return CommandResult.failure(USAGE, SSH_ERROR);
        }
        String destination = args.get(i);
        String hostName = destination.substring(destination.indexOf('@') + 1);
        Optional<NodeHost> host = shell.cluster().flatMap(c -> c.host(hostName));
        if (host.isEmpty()) {
            return CommandResult.failure("ssh: Could not resolve hostname " + hostName
                    + ": Name or service not known\n", SSH_ERROR);
        }
        if (!host.get().reachable()) {
            return CommandResult.failure("ssh: connect to host " + hostName + " port 22: No route to host\n", SSH_ERROR);
        }
        shell.sessions().login(host.get(), hostName);
        if (i + 1 == args.size()) {
            return CommandResult.empty();
        }
        try {
            String command = String.join(" ", args.subList(i + 1, args.size()));
            return new Interpreter(shell).run(command);
        } finally {
            shell.sessions().logout();
        }
    }

    /** {@code exit} or {@code logout}: back to the machine the student came from. */
    static CommandResult exit(Shell shell, List<String> args) {
        if (shell.inSubshell()) {
            int code = shell.status();
            if (!args.isEmpty()) {
                try {
                    code = Integer.parseInt(args.get(0)) & 0xff;
                } catch (NumberFormatException e) {
                    code = 2;
                }
            }
            shell.setJump(Shell.EXIT_SUBSHELL);
            return CommandResult.failure("", code);
        }
        String from = shell.sessions().current().via;
        if (!shell.sessions().logout()) {
            return CommandResult.failure("exit: this is your own machine's terminal: it stays open.\n", 1);
        }
        return new CommandResult("logout\n", "Connection to " + from + " closed.\n", 0);
    }
}
