package io.kubelab.shell;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The awk students write ({@code '{print $1}'}, {@code -F:}, {@code NR>1}, {@code /re/}, {@code BEGIN/END},
 * sums, arrays, printf), as mawk (Ubuntu's awk) runs it: fields, numbers printed with {@code %.6g},
 * numeric-looking fields compared as numbers. Regexes run on RE2; loops are bounded.
 */
final class Awk {

    /** Loop iterations one awk run may make. */
    static final int MAX_ITERATIONS = 1_000_000;

    /** Runs of blanks: how the default FS splits. */
    static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("[ \t\n]+");

    /** Control flow as exceptions without stack traces. */
    static final class Jump extends RuntimeException {
        Jump() {
            super(null, null, false, false);
        }
    }

    static final Jump NEXT = new Jump();
    static final Jump BREAK = new Jump();
    static final Jump CONTINUE = new Jump();
    static final Jump EXIT = new Jump();

    /** A field or input value: a string that compares as a number when it looks like one. */
    record StrNum(String text) {
    }

    private final Map<String, Object> vars = new HashMap<>();
    private final Map<String, Map<String, Object>> arrays = new HashMap<>();
    private final Map<String, Pattern> regexes = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private String record = "";
    private List<String> fields = new ArrayList<>();
    private boolean fieldsValid = true;
    private long iterations;
    private int exitCode;
    private boolean exiting;

    private Awk() {
        vars.put("FS", " ");
        vars.put("OFS", " ");
        vars.put("ORS", "\n");
        vars.put("NR", 0.0);
        vars.put("FNR", 0.0);
        vars.put("SUBSEP", "\u001c");
        vars.put("CONVFMT", "%.6g");
        vars.put("OFMT", "%.6g");
        vars.put("RSTART", 0.0);
        vars.put("RLENGTH", -1.0);
        vars.put("FILENAME", "");
    }

    static CommandResult run(Shell shell, List<String> args, String stdin) {
        Awk awk = new Awk();
        String program = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (program == null && a.equals("-F") && i + 1 < args.size()) {
                awk.vars.put("FS", fs(args.get(++i)));
            } else if (program == null && a.startsWith("-F")) {
                awk.vars.put("FS", fs(a.substring(2)));
            } else if (program == null && a.equals("-v") && i + 1 < args.size()) {
                String assign = args.get(++i);
                int eq = assign.indexOf('=');
                if (eq <= 0) {
                    return CommandResult.failure("awk: improper assignment: -v " + assign + "\n", 2);
                }
                awk.vars.put(assign.substring(0, eq), new StrNum(unescape(assign.substring(eq + 1))));
            } else if (program == null && a.equals("--")) {
                continue;
            } else if (program == null) {
                program = a;
            } else {
                files.add(a);
            }
        }
        if (program == null) {
            return CommandResult.failure("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n", 2);
        }
        AwkParser.Program parsed;
        try {
            parsed = AwkParser.parse(program);
        } catch (AwkLexer.Error e) {
            // mawk numbers the line after the program's last for an error at its end.
            int line = e.getMessage().contains("end of file") ? (int) program.lines().count() + 1 : 1;
            return CommandResult.failure("awk: line " + line + ": " + e.getMessage() + "\n", 2);
        }
        try {
            return awk.execute(shell, parsed, files, stdin);
        } catch (AwkLexer.Error | Posix.Invalid e) {
            return new CommandResult(awk.out.toString(), "awk: run time error: " + e.getMessage() + "\n", 2);
        }
    }

    private static String fs(String value) {
        return value.equals("t") ? "\t" : unescape(value);
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) == '\\') {
                int next = Printf.escape(s, i, b, false);
                i = next < 0 ? s.length() : next;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    private CommandResult execute(Shell shell, AwkParser.Program program, List<String> files, String stdin) {
        try {
            for (AwkParser.Stmt s : program.begin()) {
                s.exec(this);
            }
            StringBuilder err = new StringBuilder();
            if (!exiting && (!program.rules().isEmpty() || !program.end().isEmpty())) {
                boolean[] inRange = new boolean[program.rules().size()];
                for (Inputs.Source source : Inputs.read(shell, files, stdin, "awk", Inputs.Style.PLAIN, err)) {
                    vars.put("FILENAME", source.name().equals("-") ? "" : source.name());
                    vars.put("FNR", 0.0);
                    for (String line : Inputs.lines(source.text())) {
                        vars.put("NR", num(vars.get("NR")) + 1);
                        vars.put("FNR", num(vars.get("FNR")) + 1);
                        setRecord(line);
                        if (!rules(program.rules(), inRange) || exiting) {
                            break;
                        }
                    }
                    if (exiting || out.length() > Limits.MAX_OUTPUT_CHARS) {
                        break;
                    }
                }
            }
            exiting = false;
            for (AwkParser.Stmt s : program.end()) {
                s.exec(this);
            }
            return new CommandResult(out.toString(), err.toString().replace("awk: ", "awk: cannot open ")
                    .replace(": No such file or directory", " (No such file or directory)"),
                    err.length() > 0 ? 2 : exitCode);
        } catch (Jump j) {
            return new CommandResult(out.toString(), "", exitCode);
        }
    }

    /** Runs the rules on the current record; false after {@code exit}. */
    private boolean rules(List<AwkParser.Rule> rules, boolean[] inRange) {
        try {
            for (int i = 0; i < rules.size(); i++) {
                AwkParser.Rule r = rules.get(i);
                boolean selected;
                if (r.rangeEnd() != null) {
                    if (inRange[i]) {
                        selected = true;
                        inRange[i] = !truth(r.rangeEnd().eval(this));
                    } else {
                        selected = truth(r.pattern().eval(this));
                        inRange[i] = selected && !truth(r.rangeEnd().eval(this));
                    }
                } else {
                    selected = r.pattern() == null || truth(r.pattern().eval(this));
                }
                if (!selected) {
                    continue;
                }
                if (r.action() == null) {
                    out.append(record).append(str(this, vars.get("ORS")));
                } else {
                    r.action().exec(this);
                }
            }
        } catch (Jump j) {
            if (j == NEXT) {
                return true;
            }
            if (j == EXIT) {
                return false;
            }
        }
        return !exiting;
    }

    void exit(Object code) {
        if (code != null) {
            exitCode = (int) num(code);
        }
        exiting = true;
        throw EXIT;
    }

    void loop(AwkParser.Expr cond, AwkParser.Stmt body, AwkParser.Stmt step) {
        while (truth(cond.eval(this))) {
            if (++iterations > MAX_ITERATIONS) {
                throw new AwkLexer.Error("more than " + MAX_ITERATIONS + " loop iterations");
            }
            try {
                body.exec(this);
            } catch (Jump j) {
                if (j == BREAK) {
                    return;
                }
                if (j != CONTINUE) {
                    throw j;
                }
            }
            if (step != null) {
                step.exec(this);
            }
        }
    }

    void forIn(String var, String array, AwkParser.Stmt body) {
        for (String key : new ArrayList<>(array(array).keySet())) {
            if (++iterations > MAX_ITERATIONS) {
                throw new AwkLexer.Error("more than " + MAX_ITERATIONS + " loop iterations");
            }
            setVariable(var, new StrNum(key));
            try {
                body.exec(this);
            } catch (Jump j) {
                if (j == BREAK) {
                    return;
                }
                if (j != CONTINUE) {
                    throw j;
                }
            }
        }
    }

    void print(List<AwkParser.Expr> args) {
        if (args.isEmpty()) {
            out.append(record);
        } else {
            String ofs = str(this, vars.get("OFS"));
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(ofs);
                }
                Object v = args.get(i).eval(this);
                out.append(v instanceof Double d ? number(d, str(this, vars.get("OFMT"))) : str(this, v));
            }
        }
        out.append(str(this, vars.get("ORS")));
        checkOutput();
    }

    void printf(List<AwkParser.Expr> args) {
        out.append(sprintf(args));
        checkOutput();
    }

    String sprintf(List<AwkParser.Expr> args) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            Object v = args.get(i).eval(this);
            values.add(v instanceof Double ? v : v instanceof StrNum sn && numeric(sn.text()) != null
                    ? (Object) numeric(sn.text()) : str(this, v));
        }
        return Printf.formatOnce(str(this, args.get(0).eval(this)), values);
    }

    private void checkOutput() {
        if (out.length() > Limits.MAX_OUTPUT_CHARS) {
            throw new AwkLexer.Error("output larger than " + Limits.MAX_OUTPUT_CHARS + " characters");
        }
    }

    Map<String, Object> array(String name) {
        return arrays.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }

    String subsep() {
        return str(this, vars.get("SUBSEP"));
    }

    Object variable(String name) {
        if (name.equals("NF")) {
            splitFields();
            return (double) fields.size();
        }
        Object v = vars.get(name);
        return v == null ? "" : v;
    }

    void setVariable(String name, Object value) {
        if (name.equals("NF")) {
            splitFields();
            int n = Math.max(0, (int) num(value));
            while (fields.size() > n) {
                fields.remove(fields.size() - 1);
            }
            while (fields.size() < n) {
                fields.add("");
            }
            rebuild();
            return;
        }
        vars.put(name, value);
    }

    String record() {
        return record;
    }

    Object field(int i) {
        if (i == 0) {
            return new StrNum(record);
        }
        splitFields();
        return i > 0 && i <= fields.size() ? new StrNum(fields.get(i - 1)) : "";
    }

    void setField(int i, String value) {
        if (i == 0) {
            setRecord(value);
            return;
        }
        if (i < 0 || i > 100_000) {
            throw new AwkLexer.Error("bad field index $" + i);
        }
        splitFields();
        while (fields.size() < i) {
            fields.add("");
        }
        fields.set(i - 1, value);
        rebuild();
    }

    private void setRecord(String line) {
        record = line;
        fieldsValid = false;
    }

    private void rebuild() {
        record = String.join(str(this, vars.get("OFS")), fields);
    }

    private void splitFields() {
        if (fieldsValid) {
            return;
        }
        fieldsValid = true;
        fields = new ArrayList<>();
        String fs = str(this, vars.get("FS"));
        if (fs.equals(" ")) {
            for (String f : BLANKS.split(record.strip())) {
                if (!f.isEmpty()) {
                    fields.add(f);
                }
            }
        } else if (record.isEmpty()) {
            return;
        } else if (fs.length() == 1 && fs.charAt(0) != '\\') {
            int start = 0;
            char c = fs.charAt(0);
            for (int k = 0; k <= record.length(); k++) {
                if (k == record.length() || record.charAt(k) == c) {
                    fields.add(record.substring(start, k));
                    start = k + 1;
                }
            }
        } else {
            fields.addAll(List.of(compile(fs).split(record, -1)));
        }
    }

    Pattern compile(String ere) {
        Pattern p = regexes.get(ere);
        if (p == null) {
            p = Posix.compile(ere, true, false);
            if (regexes.size() < 256) {
                regexes.put(ere, p);
            }
        }
        return p;
    }

    /** The pattern of a {@code ~} or {@code sub} operand: a regex literal, or a dynamic regex string. */
    Pattern regex(AwkParser.Expr e) {
        return e instanceof AwkParser.AwkRegex r ? compile(r.source) : compile(str(this, e.eval(this)));
    }

    static boolean truth(Object v) {
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof StrNum s) {
            Double d = numeric(s.text());
            return d != null ? d != 0 : !s.text().isEmpty();
        }
        return !((String) v).isEmpty();
    }

    static double num(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        String s = v instanceof StrNum sn ? sn.text() : (String) v;
        return leadingNumber(s);
    }

    static String str(Awk a, Object v) {
        if (v instanceof Double d) {
            return number(d, a == null ? "%.6g" : (String) String.valueOf(a.vars.get("CONVFMT")));
        }
        return v instanceof StrNum s ? s.text() : (String) v;
    }

    /** A number as awk prints it: integers whole, others with {@code %.6g}. */
    static String number(double d, String format) {
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return Long.toString((long) d);
        }
        if (Double.isNaN(d)) {
            return d < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) {
            return d < 0 ? "-inf" : "inf";
        }
        return Printf.formatOnce(format, List.of(d));
    }

    static double arith(char op, double x, double y) {
        return switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            case '/' -> {
                if (y == 0) {
                    throw new AwkLexer.Error("division by zero");
                }
                yield x / y;
            }
            case '%' -> {
                if (y == 0) {
                    throw new AwkLexer.Error("division by zero in %");
                }
                yield x % y;
            }
            default -> Math.pow(x, y);
        };
    }

    /** Compares as numbers when both sides are numbers or numeric-looking input; otherwise as strings. */
    static int compare(Awk a, Object l, Object r) {
        Double x = l instanceof Double d ? d : l instanceof StrNum s ? numeric(s.text()) : null;
        Double y = r instanceof Double d ? d : r instanceof StrNum s ? numeric(s.text()) : null;
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        return str(a, l).compareTo(str(a, r));
    }

    /** The value of a string that looks entirely like a number, or null. */
    static Double numeric(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        char c = t.charAt(t.length() - 1);
        if (!Character.isDigit(c) && c != '.') {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double leadingNumber(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < n && (s.charAt(e) == '-' || s.charAt(e) == '+')) {
                e++;
            }
            if (e < n && Character.isDigit(s.charAt(e))) {
                i = e;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        try {
            return Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
