package io.kubelab.kubectl.cli;

/**
 * One flag as pflag defines it: a long name, an optional one-letter shorthand, a value type, the default
 * as help prints it, and the usage line.
 */
public record Flag(String name, String shorthand, Type type, String defaultValue, String usage, String noOptDefault) {

    public Flag(String name, String shorthand, Type type, String defaultValue, String usage) {
        this(name, shorthand, type, defaultValue, usage, type == Type.BOOL ? "true" : "");
    }

    /**
     * The flag with pflag's {@code NoOptDefVal}: given without {@code =value} it takes {@code value} and does
     * not consume the next word ({@code --dry-run} alone means {@code unchanged}).
     */
    public Flag withNoOptDefault(String value) {
        return new Flag(name, shorthand, type, defaultValue, usage, value);
    }

    /** The value types kubectl's flags use; each parses and reports a bad value as pflag's does. */
    public enum Type {
        BOOL("bool"), STRING("string"), INT("int"), INT32("int32"), INT64("int64"),
        /** Repeatable; every occurrence is one value ({@code --from-literal}). */
        STRING_ARRAY("stringArray"),
        /** Repeatable; every occurrence may hold several comma-separated values ({@code -L a,b}). */
        STRING_SLICE("strings"),
        DURATION("duration");

        public final String goName;

        Type(String goName) {
            this.goName = goName;
        }
    }

    public static Flag bool(String name, String shorthand, boolean defaultValue, String usage) {
        return new Flag(name, shorthand, Type.BOOL, Boolean.toString(defaultValue), usage);
    }

    public static Flag string(String name, String shorthand, String defaultValue, String usage) {
        return new Flag(name, shorthand, Type.STRING, defaultValue, usage);
    }

    public static Flag integer(String name, String shorthand, long defaultValue, String usage) {
        return new Flag(name, shorthand, Type.INT, Long.toString(defaultValue), usage);
    }

    public static Flag int32(String name, String shorthand, long defaultValue, String usage) {
        return new Flag(name, shorthand, Type.INT32, Long.toString(defaultValue), usage);
    }

    public static Flag int64(String name, String shorthand, long defaultValue, String usage) {
        return new Flag(name, shorthand, Type.INT64, Long.toString(defaultValue), usage);
    }

    public static Flag stringArray(String name, String shorthand, String usage) {
        return new Flag(name, shorthand, Type.STRING_ARRAY, "[]", usage);
    }

    public static Flag stringSlice(String name, String shorthand, String usage) {
        return new Flag(name, shorthand, Type.STRING_SLICE, "[]", usage);
    }

    public static Flag duration(String name, String shorthand, String defaultValue, String usage) {
        return new Flag(name, shorthand, Type.DURATION, defaultValue, usage);
    }

    public boolean isBool() {
        return type == Type.BOOL;
    }

    /** {@code -n, --namespace} or {@code --image}: how pflag names the flag in its errors. */
    public String display() {
        return shorthand.isEmpty() ? "--" + name : "-" + shorthand + ", --" + name;
    }
}
