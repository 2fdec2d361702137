package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** {@code DescribeProbe}: {@code http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3}. */
final class Probes {

    private Probes() {
    }

    static String describe(JsonNode probe) {
        String attrs = "delay=" + J.num(probe, "initialDelaySeconds") + "s timeout=" + J.num(probe, "timeoutSeconds")
                + "s period=" + J.num(probe, "periodSeconds") + "s #success=" + J.num(probe, "successThreshold")
                + " #failure=" + J.num(probe, "failureThreshold");
        if (probe.path("exec").isObject()) {
            return "exec " + J.goSlice(J.strings(probe, "exec", "command")) + " " + attrs;
        }
        if (probe.path("httpGet").isObject()) {
            JsonNode g = probe.path("httpGet");
            String port = J.has(g, "port") ? g.path("port").asText() : "";
            String host = J.str(g, "host");
            String authority = port.isEmpty() ? host : joinHostPort(host, port);
            return "http-get " + url(J.str(g, "scheme").toLowerCase(Locale.ROOT), authority, J.str(g, "path")) + " " + attrs;
        }
        if (probe.path("tcpSocket").isObject()) {
            return "tcp-socket " + J.str(probe, "tcpSocket", "host") + ":" + J.at(probe, "tcpSocket", "port").asText() + " " + attrs;
        }
        if (probe.path("grpc").isObject()) {
            return "grpc <pod>:" + J.num(probe, "grpc", "port") + " " + J.str(probe, "grpc", "service") + " " + attrs;
        }
        return "unknown " + attrs;
    }

    /** {@code net.JoinHostPort}: IPv6 hosts in brackets. */
    private static String joinHostPort(String host, String port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** {@code url.URL{Scheme, Host, Path}.String()} for the plain paths probes use. */
    private static String url(String scheme, String host, String path) {
        StringBuilder b = new StringBuilder();
        if (!scheme.isEmpty()) {
            b.append(scheme).append(':');
        }
        if (!scheme.isEmpty() || !host.isEmpty()) {
            b.append("//").append(host);
            if (!path.isEmpty() && !path.startsWith("/")) {
                b.append('/');
            }
        }
        b.append(path);
        return b.toString();
    }
}
