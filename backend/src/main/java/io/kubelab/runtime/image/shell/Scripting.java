package io.kubelab.runtime.image.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-liners for the interpreters images ship: {@code perl -e}/{@code -le} with {@code print} (and bignum's
 * {@code bpi}), {@code python -c} with {@code print(...)}, {@code time.sleep}, {@code sys.exit}. Anything
 * beyond that is reported as the interpreter's syntax error.
 */
final class Scripting {

    private static final Pattern BPI = Pattern.compile("bpi\\(\\s*(\\d+)\\s*\\)");

    private Scripting() {
    }

    static int run(String tool, List<String> args, Io io, ShellState st) {
        return tool.startsWith("perl") ? perl(args, io, st) : tool.startsWith("python") ? python(tool, args, io, st)
                : node(args, io);
    }

    private static int perl(List<String> args, Io io, ShellState st) {
        boolean newline = false;
        String code = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-v")) {
                io.out().write("\nThis is perl 5, version 40, subversion 0 (v5.40.0) built for x86_64-linux-gnu-thread-multi\n");
                return 0;
            }
            if (a.startsWith("-M")) {
                continue;
            }
            if (a.startsWith("-d")) {
                // the debugger reads its commands from stdin, which is empty: it ends at once
                return 0;
            }
            if (a.startsWith("-") && a.length() > 1) {
                newline |= a.contains("l");
                if (a.endsWith("e") && i + 1 < args.size()) {
                    code = args.get(++i);
                }
            } else if (code == null) {
                io.err().write("Can't open perl script \"" + a + "\": No such file or directory\n");
                return 2;
            }
        }
        if (code == null) {
            return 0;
        }
        for (String stmt : statements(code)) {
            if (stmt.isEmpty()) {
                continue;
            }
            Matcher sleep = Pattern.compile("sleep\\s*\\(?\\s*(\\d+)\\s*\\)?").matcher(stmt);
            if (sleep.matches()) {
                st.sleep(java.time.Duration.ofSeconds(Long.parseLong(sleep.group(1))));
                continue;
            }
            Matcher exit = Pattern.compile("exit\\s*\\(?\\s*(\\d*)\\s*\\)?").matcher(stmt);
            if (exit.matches()) {
                return exit.group(1).isEmpty() ? 0 : Integer.parseInt(exit.group(1)) & 0xff;
            }
            if (!stmt.startsWith("print")) {
                io.err().write("syntax error at -e line 1, near \"" + stmt + "\"\nExecution of -e aborted due to compilation errors.\n");
                return 255;
            }
            String expr = stmt.substring(5).strip();
            StringBuilder out = new StringBuilder();
            for (String part : splitTopLevel(expr, ',')) {
                String v = perlValue(part.strip(), st);
                if (v == null) {
                    io.err().write("syntax error at -e line 1, near \"" + stmt + "\"\nExecution of -e aborted due to compilation errors.\n");
                    return 255;
                }
                out.append(v);
            }
            io.out().write(newline ? out + "\n" : out.toString());
        }
        return 0;
    }

    private static String perlValue(String e, ShellState st) {
        Matcher bpi = BPI.matcher(e);
        if (bpi.matches()) {
            return PiDigits.pi(Integer.parseInt(bpi.group(1)));
        }
        if (e.startsWith("\"") && e.endsWith("\"") && e.length() >= 2) {
            StringBuilder out = new StringBuilder();
            Printf.escapes(e.substring(1, e.length() - 1), out, false);
            return out.toString();
        }
        if (e.startsWith("'") && e.endsWith("'") && e.length() >= 2) {
            return e.substring(1, e.length() - 1);
        }
        if (e.matches("\\$ENV\\{\\s*['\"]?(\\w+)['\"]?\\s*\\}")) {
            return st.vars().getOrDefault(e.replaceAll("\\$ENV\\{\\s*['\"]?(\\w+)['\"]?\\s*\\}", "$1"), "");
        }
        return number(e);
    }

    private static int python(String tool, List<String> args, Io io, ShellState st) {
        if (args.contains("--version") || args.contains("-V")) {
            io.out().write("Python 3.13.1\n");
            return 0;
        }
        int c = args.indexOf("-c");
        if (c < 0 || c + 1 >= args.size()) {
            if (!args.isEmpty() && !args.get(0).startsWith("-")) {
                io.err().write(tool + ": can't open file '" + st.path(args.get(0)) + "': [Errno 2] No such file or directory\n");
                return 2;
            }
            return 0;
        }
        for (String stmt : statements(args.get(c + 1))) {
            if (stmt.isEmpty() || stmt.startsWith("import ") || stmt.startsWith("from ")) {
                continue;
            }
            Matcher sleep = Pattern.compile("time\\.sleep\\(\\s*([\\d.]+)\\s*\\)").matcher(stmt);
            if (sleep.matches()) {
                st.sleep(java.time.Duration.ofMillis((long) (Double.parseDouble(sleep.group(1)) * 1000)));
                continue;
            }
            Matcher exit = Pattern.compile("(?:sys\\.)?exit\\(\\s*(\\d*)\\s*\\)").matcher(stmt);
            if (exit.matches()) {
                return exit.group(1).isEmpty() ? 0 : Integer.parseInt(exit.group(1)) & 0xff;
            }
            Matcher print = Pattern.compile("print\\((.*)\\)").matcher(stmt);
            List<String> values = new ArrayList<>();
            boolean ok = print.matches();
            if (ok && !print.group(1).isBlank()) {
                for (String part : splitTopLevel(print.group(1), ',')) {
                    String v = pythonValue(part.strip(), st);
                    if (v == null) {
                        ok = false;
                        break;
                    }
                    values.add(v);
                }
            }
            if (!ok) {
                io.err().write("  File \"<string>\", line 1\n    " + stmt + "\nSyntaxError: invalid syntax\n");
                return 1;
            }
            io.out().write(String.join(" ", values) + "\n");
        }
        return 0;
    }

    private static String pythonValue(String e, ShellState st) {
        Matcher repeat = Pattern.compile("(['\"])(.*)\\1\\s*\\*\\s*(\\d+)").matcher(e);
        if (repeat.matches()) {
            return repeat.group(2).repeat(Math.min(10_000, Integer.parseInt(repeat.group(3))));
        }
        if (e.length() >= 2 && (e.startsWith("\"") && e.endsWith("\"") || e.startsWith("'") && e.endsWith("'"))) {
            StringBuilder out = new StringBuilder();
            Printf.escapes(e.substring(1, e.length() - 1), out, false);
            return out.toString();
        }
        Matcher env = Pattern.compile("os\\.environ(?:\\.get\\(|\\[)\\s*['\"](\\w+)['\"]\\s*[)\\]]").matcher(e);
        if (env.matches()) {
            return st.vars().getOrDefault(env.group(1), "None");
        }
        return number(e);
    }

    private static int node(List<String> args, Io io) {
        int c = Math.max(args.indexOf("-e"), args.indexOf("--eval"));
        if (c >= 0 && c + 1 < args.size()) {
            Matcher log = Pattern.compile("console\\.log\\((['\"])(.*)\\1\\);?").matcher(args.get(c + 1).strip());
            if (log.matches()) {
                io.out().write(log.group(2) + "\n");
                return 0;
            }
        }
        if (args.contains("--version") || args.contains("-v")) {
            io.out().write("v22.12.0\n");
        }
        return 0;
    }

    private static String number(String e) {
        try {
            return Long.toString(Arithmetic.evaluate(e.replace("**", "*"), new java.util.HashMap<>()));
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static List<String> statements(String code) {
        List<String> out = new ArrayList<>();
        for (String s : splitTopLevel(code.replace('\n', ';'), ';')) {
            out.add(s.strip());
        }
        return out;
    }

    /** Splits on {@code sep} outside quotes and brackets. */
    private static List<String> splitTopLevel(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == sep && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
