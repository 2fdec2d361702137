package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a text tool reads: its named files (or {@code -}) in order, or the pipe when it names none. */
final class Inputs {

    /** One input: its name as typed ({@code -} for the pipe) and its text. */
    record Source(String name, String text) {
    }

    /** How a tool words "cannot read": {@code %s} is the file name, {@code %r} the reason. */
    enum Style {
        PLAIN("%s: %r"), OPEN("cannot open '%s' for reading: %r"), SORT("cannot read: %s: %r");

        final String format;

        Style(String format) {
            this.format = format;
        }
    }

    private Inputs() {
    }

    static List<Source> read(Shell shell, List<String> files, String stdin, String cmd, Style style,
                             StringBuilder err) {
        List<Source> out = new ArrayList<>();
        if (files.isEmpty()) {
            out.add(new Source("-", stdin == null ? "" : stdin));
            return out;
        }
        Sessions.Session session = shell.sessions().current();
        for (String file : files) {
            if (file.equals("-")) {
                out.add(new Source("-", stdin == null ? "" : stdin));
                continue;
            }
            String path = Paths.resolve(session, file);
            Optional<String> content = session.files.read(path);
            if (content.isPresent()) {
                out.add(new Source(file, content.get()));
            } else if (session.files.isDirectory(path)) {
                err.append(cmd).append(": ").append(directory(cmd, file)).append('\n');
            } else {
                err.append(cmd).append(": ").append(style.format.replace("%s", file)
                        .replace("%r", "No such file or directory")).append('\n');
            }
        }
        return out;
    }

    /** GNU's words for a directory given as a file, which differ per tool. */
    private static String directory(String cmd, String file) {
        return switch (cmd) {
            case "head", "tail" -> "error reading '" + file + "': Is a directory";
            case "sort" -> "read failed: " + file + ": Is a directory";
            default -> file + ": Is a directory";
        };
    }

    /** All inputs joined, as tools without per-file output see them. */
    static String joined(List<Source> sources) {
        if (sources.size() == 1) {
            return sources.get(0).text();
        }
        StringBuilder out = new StringBuilder();
        sources.forEach(s -> out.append(s.text()));
        return out.toString();
    }

    /** The lines of a text, without their newlines; a last line without one still counts. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                out.add(text.substring(start));
                break;
            }
            out.add(text.substring(start, end));
            start = end + 1;
        }
        return out;
    }
}
