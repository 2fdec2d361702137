package io.kubelab.apiserver.validation;

import io.kubelab.model.NameValidation;


import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name and key rules of apimachinery's {@code util/validation} and {@code api/validation} that the
 * model package does not already hold, each answering Kubernetes' messages (empty when valid).
 */
public final class NameRules {

    /** A {@code ValidateNameFunc}: {@code prefix} is true for a generateName, which may end in '-'. */
    @FunctionalInterface
    public interface NameFn {
        List<String> validate(String name, boolean prefix);
    }

    public static final NameFn DNS1123_SUBDOMAIN = (n, p) -> NameValidation.dns1123Subdomain(p ? maskTrailingDash(n) : n);
    public static final NameFn DNS1123_LABEL = (n, p) -> NameValidation.dns1123Label(p ? maskTrailingDash(n) : n);
    public static final NameFn DNS1035_LABEL = (n, p) -> dns1035Label(p ? maskTrailingDash(n) : n);
    public static final NameFn PATH_SEGMENT = (n, p) -> pathSegmentName(n);

    private static final String DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1035 = Pattern.compile("^" + DNS1035_FMT + "$");
    private static final String CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
    private static final Pattern CONFIG_KEY = Pattern.compile("^" + CONFIG_KEY_FMT + "$");
    private static final String PERCENT_FMT = "[0-9]+%";
    private static final Pattern PERCENT = Pattern.compile("^" + PERCENT_FMT + "$");
    private static final Pattern PORT_NAME_CHARS = Pattern.compile("^[-a-z0-9]+$");
    private static final Pattern HAS_LETTER = Pattern.compile("[a-z]");

    private NameRules() {
    }

    /** generateName prefixes may end in '-', so the last dash is checked as if it were a letter. */
    static String maskTrailingDash(String name) {
        return name.length() > 1 && name.endsWith("-") ? name.substring(0, name.length() - 1) + "a" : name;
    }

    public static List<String> dns1035Label(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > 63) {
            errs.add(NameValidation.maxLenError(63));
        }
        if (!DNS1035.matcher(value).matches()) {
            errs.add(NameValidation.regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
                    + "an alphabetic character, and end with an alphanumeric character", DNS1035_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    /** Names that become one path segment (RBAC objects and others): not '.', '..', no '/' or '%'. */
    public static List<String> pathSegmentName(String name) {
        if (name.equals(".") || name.equals("..")) {
            return List.of("may not be '" + name + "'");
        }
        List<String> errs = new ArrayList<>();
        if (name.contains("/")) {
            errs.add("may not contain '/'");
        }
        if (name.contains("%")) {
            errs.add("may not contain '%'");
        }
        return errs;
    }

    /** Keys of ConfigMap and Secret data, and of projected items. */
    public static List<String> configMapKey(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > 253) {
            errs.add(NameValidation.maxLenError(253));
        }
        if (!CONFIG_KEY.matcher(value).matches()) {
            errs.add(NameValidation.regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                    CONFIG_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
        }
        if (value.equals(".")) {
            errs.add("must not be '.'");
        } else if (value.equals("..")) {
            errs.add("must not be '..'");
        } else if (value.startsWith("..")) {
            errs.add("must not start with '..'");
        }
        return errs;
    }

    /** An IANA_SVC_NAME: a named port. */
    public static List<String> portName(String port) {
        List<String> errs = new ArrayList<>();
        if (port.length() > 15) {
            errs.add(NameValidation.maxLenError(15));
        }
        if (!PORT_NAME_CHARS.matcher(port).matches()) {
            errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!HAS_LETTER.matcher(port).find()) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errs.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
            errs.add("must not begin or end with a hyphen");
        }
        return errs;
    }

    public static List<String> portNumber(long port) {
        return port >= 1 && port <= 65535 ? List.of() : List.of(inclusiveRange(1, 65535));
    }

    /**
     * Environment variable names under the RelaxedEnvironmentVariableValidation gate (beta and on in 1.32):
     * any printable ASCII but '='.
     */
    public static List<String> envVarName(String value) {
        List<String> errs = new ArrayList<>();
        if (value.isEmpty()) {
            errs.add("environment variable name must be non-empty");
        }
        for (char c : value.toCharArray()) {
            if (c > 0x7e || c < 0x20 || c == '=') {
                errs.add("a valid environment variable name must consist only of printable ASCII characters other than '='");
                break;
            }
        }
        return errs;
    }

    public static List<String> percent(String value) {
        return PERCENT.matcher(value).matches() ? List.of()
                : List.of(NameValidation.regexError("a valid percent string must be a numeric string followed by an ending '%'",
                PERCENT_FMT, "1%", "93%"));
    }

    public static String inclusiveRange(long lo, long hi) {
        return "must be between " + lo + " and " + hi + ", inclusive";
    }
}
