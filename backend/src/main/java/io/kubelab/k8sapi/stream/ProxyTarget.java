package io.kubelab.k8sapi.stream;

import io.kubelab.k8sapi.KubeRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of a proxy request's target: apimachinery's {@code SplitSchemeNamePort}, and the query passed on. */
final class ProxyTarget {

    private ProxyTarget() {
    }

    /** {@code name}, {@code name:port} or {@code scheme:name:port} (scheme {@code http} or {@code https}). */
    record Id(String scheme, String name, String port) {
        static Optional<Id> parse(String id) {
            String[] parts = id.split(":", -1);
            Id parsed = switch (parts.length) {
                case 1 -> new Id("", parts[0], "");
                case 2 -> new Id("", parts[0], parts[1]);
                case 3 -> new Id(parts[0], parts[1], parts[2]);
                default -> null;
            };
            if (parsed == null || parsed.name.isEmpty()
                    || !(parsed.scheme.isEmpty() || parsed.scheme.equals("http") || parsed.scheme.equals("https"))) {
                return Optional.empty();
            }
            return Optional.of(parsed);
        }
    }

    static boolean numeric(String port) {
        if (port.isEmpty() || port.length() > 9) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (!Character.isDigit(port.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A port number, or 0 (never answered) for a name a pod's port list did not resolve. */
    static int port(String port) {
        return numeric(port) ? Integer.parseInt(port) : 0;
    }

    static String query(KubeRequest request) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
            for (String value : e.getValue()) {
                out.append(out.length() == 0 ? '?' : '&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}
