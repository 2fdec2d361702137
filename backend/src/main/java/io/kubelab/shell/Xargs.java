package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;

/** GNU {@code xargs}: {@code kubectl get pods -o name | xargs kubectl delete}, {@code -n N}, {@code -I {}}, {@code -r}. */
final class Xargs {

    private Xargs() {
    }

    /** GNU xargs: arguments from blanks, newlines and quotes; the command run directly, as an exec would. */
    static CommandResult run(Shell shell, List<String> args, String stdin) {
        int at = 0;
        int perCommand = Integer.MAX_VALUE;
        String replace = null;
        boolean noEmpty = false;
        while (at < args.size() && args.get(at).startsWith("-") && args.get(at).length() > 1) {
            String a = args.get(at++);
            if (a.equals("-n") && at < args.size()) {
                perCommand = Math.max(1, parseInt(args.get(at++)));
            } else if (a.startsWith("-n")) {
                perCommand = Math.max(1, parseInt(a.substring(2)));
            } else if (a.equals("-I") && at < args.size()) {
                replace = args.get(at++);
            } else if (a.startsWith("-I")) {
                replace = a.substring(2);
            } else if (a.equals("-r") || a.equals("--no-run-if-empty")) {
                noEmpty = true;
            } else if (!a.equals("-t") && !a.equals("-0")) {
                return CommandResult.failure("xargs: invalid option -- '" + a.substring(1) + "'\n"
                        + "Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n"
                        + "Try 'xargs --help' for more information.\n", 1);
            }
        }
        List<String> command = args.subList(at, args.size()).isEmpty() ? List.of("echo") : args.subList(at, args.size());
        String text = stdin == null ? "" : stdin;
        List<List<String>> runs = new ArrayList<>();
        if (replace != null) {
            for (String line : Inputs.lines(text)) {
                String item = line.strip();
                if (item.isEmpty()) {
                    continue;
                }
                List<String> argv = new ArrayList<>();
                for (String word : command) {
                    argv.add(word.replace(replace, item));
                }
                runs.add(argv);
            }
        } else {
            List<String> items;
            try {
                items = Words.split(text.replace("\\\n", ""));
            } catch (Words.SyntaxError e) {
                return CommandResult.failure("xargs: unmatched quote; by default quotes are special to xargs "
                        + "unless you use the -0 option\n", 1);
            }
            if (items.isEmpty() && !noEmpty) {
                runs.add(new ArrayList<>(command));
            }
            for (int i = 0; i < items.size(); i += perCommand) {
                List<String> argv = new ArrayList<>(command);
                argv.addAll(items.subList(i, Math.min(items.size(), i + perCommand)));
                runs.add(argv);
            }
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int code = 0;
        for (List<String> argv : runs) {
            String problem = shell.spend();
            if (problem != null) {
                return new CommandResult(out.toString(), err + problem, 1);
            }
            Builtin b = shell.command(argv.get(0));
            if (b == null) {
                return new CommandResult(out.toString(), err + "xargs: " + argv.get(0)
                        + ": No such file or directory\n", 127);
            }
            CommandResult r = b.run(shell, argv.subList(1, argv.size()), null);
            Limits.append(out, r.stdout());
            Limits.append(err, r.stderr());
            if (r.exitCode() != 0) {
                code = 123;
            }
        }
        return new CommandResult(out.toString(), err.toString(), code);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
