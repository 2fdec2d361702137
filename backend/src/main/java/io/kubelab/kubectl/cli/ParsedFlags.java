package io.kubelab.kubectl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the flag values (each occurrence kept, last one wins for single values) and
 * the positional arguments, with where {@code --} stood ({@code argsLenAtDash}, -1 without one).
 */
public final class ParsedFlags {

    private final Map<String, Flag> flags;
    private final Map<String, List<String>> values;
    private final List<String> args;
    private final int argsLenAtDash;

    ParsedFlags(Map<String, Flag> flags, Map<String, List<String>> values, List<String> args, int argsLenAtDash) {
        this.flags = flags;
        this.values = values;
        this.args = List.copyOf(args);
        this.argsLenAtDash = argsLenAtDash;
    }

    public List<String> args() {
        return args;
    }

    public int argsLenAtDash() {
        return argsLenAtDash;
    }

    public boolean helpRequested() {
        List<String> help = values.get(FlagSet.HELP.name());
        return help != null && Boolean.TRUE.equals(FlagValues.parseBool(help.get(help.size() - 1)));
    }

    /** Whether the flag was given on the command line (cobra's {@code Flags().Changed}). */
    public boolean changed(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        List<String> given = values.get(name);
        return given == null ? flag(name).defaultValue() : given.get(given.size() - 1);
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(FlagValues.parseBool(string(name)));
    }

    public long integer(String name) {
        String value = string(name);
        return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
    }

    public java.time.Duration duration(String name) {
        return io.kubelab.clock.GoDuration.parse(string(name));
    }

    /** Every value of a repeatable flag; a {@code strings} flag also splits each occurrence on commas. */
    public List<String> strings(String name) {
        List<String> given = values.get(name);
        if (given == null) {
            return List.of();
        }
        if (flag(name).type() != Flag.Type.STRING_SLICE) {
            return List.copyOf(given);
        }
        List<String> out = new ArrayList<>();
        for (String value : given) {
            if (!value.isEmpty()) {
                out.addAll(List.of(value.split(",", -1)));
            }
        }
        return out;
    }

    private Flag flag(String name) {
        Flag flag = flags.get(name);
        if (flag == null) {
            throw new IllegalArgumentException("no flag --" + name + " on this command");
        }
        return flag;
    }
}
