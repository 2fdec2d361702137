package io.kubelab.shell;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** awk's builtin functions: length substr index split sub gsub match toupper tolower sprintf int and maths. */
final class AwkBuiltins {

    private AwkBuiltins() {
    }

    static AwkParser.Expr call(String name, Supplier<List<AwkParser.Expr>> argsReader, AwkParser parser) {
        List<AwkParser.Expr> args = argsReader.get();
        int n = args.size();
        return switch (name) {
            case "length" -> n == 0 ? a -> (double) a.record().length() : lengthOf(args.get(0));
            case "substr" -> a -> substr(Awk.str(a, args.get(0).eval(a)), Awk.num(args.get(1).eval(a)),
                    n > 2 ? Awk.num(args.get(2).eval(a)) : Double.MAX_VALUE);
            case "index" -> a -> (double) (Awk.str(a, args.get(0).eval(a)).indexOf(Awk.str(a, args.get(1).eval(a))) + 1);
            case "toupper" -> a -> Awk.str(a, args.get(0).eval(a)).toUpperCase(Locale.ROOT);
            case "tolower" -> a -> Awk.str(a, args.get(0).eval(a)).toLowerCase(Locale.ROOT);
            case "int" -> a -> {
                double v = Awk.num(args.get(0).eval(a));
                return v < 0 ? Math.ceil(v) : Math.floor(v);
            };
            case "sqrt" -> a -> Math.sqrt(Awk.num(args.get(0).eval(a)));
            case "exp" -> a -> Math.exp(Awk.num(args.get(0).eval(a)));
            case "log" -> a -> Math.log(Awk.num(args.get(0).eval(a)));
            case "sin" -> a -> Math.sin(Awk.num(args.get(0).eval(a)));
            case "cos" -> a -> Math.cos(Awk.num(args.get(0).eval(a)));
            case "atan2" -> a -> Math.atan2(Awk.num(args.get(0).eval(a)), Awk.num(args.get(1).eval(a)));
            case "sprintf" -> a -> a.sprintf(args);
            case "split" -> split(args);
            case "sub", "gsub" -> substitute(args, name.equals("gsub"));
            case "match" -> a -> {
                Matcher m = a.regex(args.get(1)).matcher(Awk.str(a, args.get(0).eval(a)));
                boolean found = m.find();
                a.setVariable("RSTART", found ? (double) m.start() + 1 : 0.0);
                a.setVariable("RLENGTH", found ? (double) (m.end() - m.start()) : -1.0);
                return found ? (double) m.start() + 1 : 0.0;
            };
            default -> throw new AwkLexer.Error("function " + name + " is not supported in this sandbox");
        };
    }

    private static AwkParser.Expr lengthOf(AwkParser.Expr arg) {
        return a -> (double) Awk.str(a, arg.eval(a)).length();
    }

    private static String substr(String s, double start, double length) {
        double from = Math.round(start);
        double to = length == Double.MAX_VALUE ? Double.MAX_VALUE : from + Math.round(length);
        int begin = (int) Math.max(1, from);
        int end = (int) Math.min(s.length() + 1, to);
        return end <= begin ? "" : s.substring(begin - 1, end - 1);
    }

    private static AwkParser.Expr split(List<AwkParser.Expr> args) {
        if (args.size() < 2 || !(args.get(1) instanceof AwkParser.LValue)) {
            throw new AwkLexer.Error("split: the second argument must be an array");
        }
        return a -> {
            String s = Awk.str(a, args.get(0).eval(a));
            String name = arrayName(args.get(1));
            var array = a.array(name);
            array.clear();
            String[] parts;
            if (args.size() > 2) {
                String sep = args.get(2) instanceof AwkParser.AwkRegex r ? r.source : Awk.str(a, args.get(2).eval(a));
                parts = sep.equals(" ") ? Awk.BLANKS.split(s.strip()) : sep.length() == 1
                        ? s.split(java.util.regex.Pattern.quote(sep), -1) : a.compile(sep).split(s, -1);
            } else {
                String fs = Awk.str(a, a.variable("FS"));
                parts = fs.equals(" ") ? Awk.BLANKS.split(s.strip()) : fs.length() == 1
                        ? s.split(java.util.regex.Pattern.quote(fs), -1) : a.compile(fs).split(s, -1);
            }
            if (s.isEmpty()) {
                return 0.0;
            }
            for (int i = 0; i < parts.length; i++) {
                array.put(Integer.toString(i + 1), new Awk.StrNum(parts[i]));
            }
            return (double) parts.length;
        };
    }

    /** The array an lvalue names: split's second argument is written as a plain variable name. */
    private static String arrayName(AwkParser.Expr e) {
        return AwkParser.nameOf(e);
    }

    private static AwkParser.Expr substitute(List<AwkParser.Expr> args, boolean global) {
        if (args.size() < 2) {
            throw new AwkLexer.Error("sub and gsub need a regex and a replacement");
        }
        AwkParser.Expr target = args.size() > 2 ? args.get(2) : null;
        if (target != null && !(target instanceof AwkParser.LValue)) {
            throw new AwkLexer.Error("sub and gsub change a variable or field");
        }
        return a -> {
            Pattern p = a.regex(args.get(0));
            String replacement = Awk.str(a, args.get(1).eval(a));
            String text = target == null ? a.record() : Awk.str(a, target.eval(a));
            Matcher m = p.matcher(text);
            StringBuilder out = new StringBuilder();
            int last = 0;
            int count = 0;
            int pos = 0;
            while (pos <= text.length() && m.find(pos)) {
                out.append(text, last, m.start());
                for (int i = 0; i < replacement.length(); i++) {
                    char c = replacement.charAt(i);
                    if (c == '\\' && i + 1 < replacement.length() && (replacement.charAt(i + 1) == '&'
                            || replacement.charAt(i + 1) == '\\')) {
                        out.append(replacement.charAt(++i));
                    } else if (c == '&') {
                        out.append(m.group());
                    } else {
                        out.append(c);
                    }
                }
                last = m.end();
                count++;
                pos = m.end() == m.start() ? m.end() + 1 : m.end();
                if (m.end() == m.start() && m.start() < text.length()) {
                    out.append(text.charAt(m.start()));
                    last = m.start() + 1;
                }
                if (!global) {
                    break;
                }
            }
            if (count == 0) {
                return 0.0;
            }
            out.append(text, Math.min(last, text.length()), text.length());
            if (target == null) {
                a.setField(0, out.toString());
            } else {
                ((AwkParser.LValue) target).set(a, out.toString());
            }
            return (double) count;
        };
    }
}
