package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --tcp=<port>[:<targetPort>]} as kubectl's service generators read it: the port as
 * {@code ParseUint} reads it (0 allowed), the target a port number or an IANA port name, each error in
 * apimachinery's words joined by commas.
 */
final class ServicePorts {

    private ServicePorts() {
    }

    /** One ServicePort: {@code name} is the specifier with {@code :} turned into {@code -}. */
    static ObjectNode port(String spec, long nodePort) throws KubectlException {
        String[] parts = spec.split(":", -1);
        long port = parsePort(parts[0]);
        ObjectNode out = Typed.node();
        out.put("name", spec.replace(':', '-'));
        out.put("protocol", "TCP");
        out.put("port", port);
        if (parts.length == 1) {
            out.put("targetPort", port);
        } else if (isInteger(parts[1])) {
            long target = Long.parseLong(parts[1]);
            if (target < 1 || target > 65535) {
                throw KubectlException.error("must be between 1 and 65535, inclusive");
            }
            out.put("targetPort", target);
        } else {
            List<String> problems = portNameProblems(parts[1]);
            if (!problems.isEmpty()) {
                throw KubectlException.error(String.join(",", problems));
            }
            out.put("targetPort", parts[1]);
        }
        if (nodePort != 0) {
            out.put("nodePort", nodePort);
        }
        return out;
    }

    private static long parsePort(String s) throws KubectlException {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            throw KubectlException.error("strconv.ParseUint: parsing \"" + s + "\": invalid syntax");
        }
        if (s.length() > 5 || Long.parseLong(s) > 65535) {
            throw KubectlException.error("strconv.ParseUint: parsing \"" + s + "\": value out of range");
        }
        return Long.parseLong(s);
    }

    private static boolean isInteger(String s) {
        String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        return !digits.isEmpty() && digits.length() < 10 && digits.chars().allMatch(Character::isDigit);
    }

    /** apimachinery's {@code IsValidPortName}. */
    static List<String> portNameProblems(String name) {
        List<String> problems = new ArrayList<>();
        if (name.length() > 15) {
            problems.add("must be no more than 15 characters");
        }
        boolean allowed = true;
        boolean letter = false;
        for (char c : name.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (!(c >= '0' && c <= '9') && c != '-') {
                allowed = false;
            }
        }
        if (!allowed) {
            problems.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!letter) {
            problems.add("must contain at least one letter (a-z)");
        }
        if (name.contains("--")) {
            problems.add("must not contain consecutive hyphens");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            problems.add("must not begin or end with a hyphen");
        }
        return problems;
    }
}
