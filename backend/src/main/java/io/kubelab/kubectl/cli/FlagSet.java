package io.kubelab.kubectl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags a command accepts and the parsing of a command line against them, following spf13/pflag as
 * cobra drives it for kubectl: flags and arguments interspersed, {@code --name=value} and
 * {@code --name value}, {@code -n value}, {@code -nvalue}, {@code -n=value}, combined boolean shorthands
 * ({@code -it}), {@code --} ending the flags, and pflag's error messages.
 */
public final class FlagSet {

    /** Cobra's help flag, which every command has. */
    public static final Flag HELP = Flag.bool("help", "h", false, "help for this command");

    private final Map<String, Flag> byName = new LinkedHashMap<>();
    private final Map<String, Flag> byShorthand = new LinkedHashMap<>();

    public FlagSet add(Flag flag) {
        byName.put(flag.name(), flag);
        if (!flag.shorthand().isEmpty()) {
            byShorthand.put(flag.shorthand(), flag);
        }
        return this;
    }

    public FlagSet addAll(FlagSet other) {
        other.byName.values().forEach(this::add);
        return this;
    }

    public List<Flag> flags() {
        return List.copyOf(byName.values());
    }

    public Flag find(String name) {
        return byName.get(name);
    }

    /** Whether {@code name} is a flag that takes no value, for shell completion and for the verb dispatch. */
    public boolean isBoolean(String nameOrShorthand) {
        Flag flag = byName.getOrDefault(nameOrShorthand, byShorthand.get(nameOrShorthand));
        return flag != null && !flag.noOptDefault().isEmpty();
    }

    /**
     * Parses {@code args}, stopping at the first problem as pflag does. Every command also has cobra's
     * {@code -h, --help}, an ordinary boolean: a bad flag anywhere still wins over it.
     */
    public ParsedFlags parse(List<String> args) throws FlagError {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        int dashAt = -1;
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i++);
            if (arg.equals("--")) {
                dashAt = positional.size();
                positional.addAll(args.subList(i, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
            } else if (arg.startsWith("--")) {
                i = parseLong(arg, args, i, values);
            } else {
                i = parseShort(arg, args, i, values);
            }
        }
        return new ParsedFlags(byName, values, positional, dashAt);
    }

    private int parseLong(String arg, List<String> args, int next, Map<String, List<String>> values)
            throws FlagError {
        String body = arg.substring(2);
        if (body.isEmpty() || body.charAt(0) == '-' || body.charAt(0) == '=') {
            throw new FlagError("bad flag syntax: " + arg);
        }
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Flag flag = name.equals(HELP.name()) ? HELP : byName.get(name);
        if (flag == null) {
            throw new FlagError("unknown flag: --" + name);
        }
        if (eq >= 0) {
            set(flag, body.substring(eq + 1), values);
        } else if (!flag.noOptDefault().isEmpty()) {
            set(flag, flag.noOptDefault(), values);
        } else if (next < args.size()) {
            set(flag, args.get(next), values);
            return next + 1;
        } else {
            throw new FlagError("flag needs an argument: " + arg);
        }
        return next;
    }

    private int parseShort(String arg, List<String> args, int next, Map<String, List<String>> values)
            throws FlagError {
        String shorts = arg.substring(1);
        while (!shorts.isEmpty()) {
            String c = shorts.substring(0, 1);
            Flag flag = c.equals(HELP.shorthand()) ? HELP : byShorthand.get(c);
            if (flag == null) {
                throw new FlagError("unknown shorthand flag: '" + c + "' in -" + shorts);
            }
            if (shorts.length() > 2 && shorts.charAt(1) == '=') {
                set(flag, shorts.substring(2), values);
                return next;
            }
            if (!flag.noOptDefault().isEmpty()) {
                set(flag, flag.noOptDefault(), values);
                shorts = shorts.substring(1);
            } else if (shorts.length() > 1) {
                set(flag, shorts.substring(1), values);
                return next;
            } else if (next < args.size()) {
                set(flag, args.get(next), values);
                return next + 1;
            } else {
                throw new FlagError("flag needs an argument: '" + c + "' in -" + shorts);
            }
        }
        return next;
    }

    private static void set(Flag flag, String value, Map<String, List<String>> values) throws FlagError {
        String problem = FlagValues.check(flag.type(), value);
        if (problem != null) {
            throw new FlagError("invalid argument \"" + value + "\" for \"" + flag.display() + "\" flag: " + problem);
        }
        values.computeIfAbsent(flag.name(), k -> new ArrayList<>()).add(value);
    }
}
