package io.kubelab.shell;

import java.util.List;

/** {@code journalctl -u kubelet [-n N] [--no-pager] [-f]}: the kubelet's journal on this node. */
final class Journalctl implements Builtin {

    @Override
    public CommandResult run(Shell shell, List<String> args) {
        String unit = null;
        int lines = -1;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("-u") || arg.equals("--unit")) && i + 1 < args.size()) {
                unit = args.get(++i);
            } else if (arg.startsWith("--unit=")) {
                unit = arg.substring("--unit=".length());
            } else if (arg.startsWith("-u") && arg.length() > 2) {
                unit = arg.substring(2);
            } else if ((arg.equals("-n") || arg.equals("--lines")) && i + 1 < args.size()) {
                lines = Integer.parseInt(args.get(++i));
            } else if (arg.startsWith("-n") && arg.length() > 2) {
                lines = Integer.parseInt(arg.substring(2));
            }
        }
        if (unit == null) {
            return CommandResult.failure("journalctl: the simulation keeps only the kubelet's journal: "
                    + "journalctl -u kubelet\n", 1);
        }
        unit = unit.endsWith(".service") ? unit.substring(0, unit.length() - 8) : unit;
        if (!unit.equals("kubelet")) {
            return CommandResult.ok("-- No entries --\n");
        }
        List<String> journal = Journal.kubelet(shell, shell.sessions().host());
        if (lines >= 0) {
            journal = journal.subList(Math.max(0, journal.size() - lines), journal.size());
        }
        StringBuilder out = new StringBuilder();
        journal.forEach(l -> out.append(l).append('\n'));
        return CommandResult.ok(out.toString());
    }
}
