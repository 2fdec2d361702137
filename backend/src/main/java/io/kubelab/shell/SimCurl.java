package io.kubelab.shell;

import io.kubelab.cluster.SimCluster;
import io.kubelab.runtime.image.Network;

import java.net.URI;
import java.util.List;

/**
 * {@code sim curl [-i] URL}: a request from a machine outside the cluster, to a node's IP and NodePort or
 * a load-balancer IP, printed as curl prints it (the body, or curl's error line and exit code).
 */
final class SimCurl {

    static final String OUTSIDE = "203.0.113.10";
    private static final String USER_AGENT = "curl/8.5.0";

    private SimCurl() {
    }

    static CommandResult run(SimCluster cluster, List<String> args) {
        boolean include = false;
        String url = null;
        for (String arg : args) {
            if (arg.equals("-i") || arg.equals("--include")) {
                include = true;
            } else if (arg.equals("-s") || arg.equals("--silent")) {
                continue;
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("curl: unsupported option \"" + arg + "\"; sim curl takes -i and -s");
            } else if (url == null) {
                url = arg;
            } else {
                throw new IllegalArgumentException("curl: give one URL");
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("curl: give a URL, e.g. sim curl http://172.30.2.2:30080/");
        }
        URI uri;
        try {
            uri = URI.create(url.contains("://") ? url : "http://" + url);
        } catch (IllegalArgumentException e) {
            return CommandResult.failure("curl: (3) URL rejected: Malformed input to a URL function\n", 3);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return CommandResult.failure("curl: (1) Protocol \"" + uri.getScheme() + "\" not supported\n", 1);
        }
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return CommandResult.failure("curl: (6) Could not resolve host: " + host + "\n", 6);
        }
        Network.HttpExchange exchange = cluster.requestFromOutside(host, port, new Network.HttpRequest("GET",
                host + (port == 80 ? "" : ":" + port), path, List.of("Accept: */*"), "", OUTSIDE, USER_AGENT));
        if (exchange instanceof Network.Failure failure) {
            boolean timedOut = failure.reason().contains("timed out");
            return CommandResult.failure("curl: (" + (timedOut ? 28 : 7) + ") Failed to connect to " + host + " port "
                    + port + " after " + (timedOut ? "135152" : "0") + " ms: " + (timedOut ? "Connection timed out"
                    : "Couldn't connect to server") + "\n", timedOut ? 28 : 7);
        }
        Network.HttpReply reply = ((Network.Answered) exchange).reply();
        StringBuilder out = new StringBuilder();
        if (include) {
            out.append("HTTP/1.1 ").append(reply.status()).append(' ').append(reply.reason()).append("\r\n");
            reply.headers().forEach(h -> out.append(h).append("\r\n"));
            out.append("\r\n");
        }
        out.append(reply.body());
        return CommandResult.ok(out.toString());
    }
}
