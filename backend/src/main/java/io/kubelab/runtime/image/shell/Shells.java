package io.kubelab.runtime.image.shell;

import java.util.List;

/** {@code sh -c '...'}, {@code bash script.sh}, a script run by path: a nested shell, run to completion. */
public final class Shells {

    private Shells() {
    }

    /** What {@code sh ARGS} does; the nested shell shares the container and the clock. */
    static int nested(String shell, List<String> args, Io io, ShellState parent) {
        ShellState st = new ShellState(parent.container, shell, parent.time);
        st.vars.clear();
        st.vars.putAll(parent.vars);
        st.cwd = parent.cwd;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-c")) {
            i++;
        }
        int code;
        if (i < args.size() && args.get(i).equals("-c")) {
            if (i + 1 >= args.size()) {
                io.err().write(shell + ": -c: option requires an argument\n");
                return 2;
            }
            List<String> rest = args.subList(Math.min(args.size(), i + 2), args.size());
            st.setPositional(rest.isEmpty() ? shell : rest.get(0), rest.isEmpty() ? List.of() : rest.subList(1, rest.size()));
            code = runProgram(args.get(i + 1), io, st);
        } else if (i < args.size()) {
            String file = args.get(i);
            var content = st.container.fs().read(st.path(file), st.time);
            if (content.isEmpty()) {
                io.err().write(shell + ": " + (st.flavour().hasBash() && shell.equals("bash") ? file + ": No such file or directory"
                        : "can't open '" + file + "': No such file or directory") + "\n");
                return 127;
            }
            st.setPositional(file, args.subList(i + 1, args.size()));
            code = runProgram(content.get(), io, st);
        } else {
            code = runProgram(io.stdin(), io, st);
        }
        parent.time = st.time;
        return code;
    }

    static int script(String content, String name, List<String> args, Io io, ShellState parent) {
        String shell = content.startsWith("#!") && content.split("\n", 2)[0].contains("bash") ? "bash" : "sh";
        return nested(shell, prepend(name, args), io, parent);
    }

    private static List<String> prepend(String first, List<String> rest) {
        java.util.ArrayList<String> l = new java.util.ArrayList<>();
        l.add(first);
        l.addAll(rest);
        return l;
    }

    private static int runProgram(String program, Io io, ShellState st) {
        Node node;
        try {
            node = Parser.parse(program);
        } catch (ShellSyntaxError e) {
            io.err().write(e.render(st.shell, st.flavour()) + "\n");
            return 2;
        }
        return Interpreter.run(st, node, io);
    }
}
