package io.kubelab.shell;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commands the shell knows, with the one-line summary {@code help} prints for each. */
final class Builtins {

    /** What {@code clear} writes on an xterm: home, erase screen, erase scrollback. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J\u001b[3J";

    record Entry(String summary, Builtin command) {
    }

    private final Map<String, Entry> commands = new LinkedHashMap<>();

    Builtins() {
        add("clear", "clear the terminal screen", (shell, args) -> CommandResult.ok(CLEAR_SCREEN));
        add("help", "list the commands this terminal understands", this::help);
        add("history", "show the commands typed in this sandbox, numbered", Builtins::history);
        add("sim", "control the simulated cluster: settle, advance, time, speed, pause, resume, stop, start",
                new SimCommand());
    }

    private void add(String name, String summary, Builtin command) {
        commands.put(name, new Entry(summary, command));
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
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        commands.forEach((name, entry) ->
                out.append("  ").append(name).append(" ".repeat(width - name.length() + 3))
                        .append(entry.summary()).append('\n'));
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
