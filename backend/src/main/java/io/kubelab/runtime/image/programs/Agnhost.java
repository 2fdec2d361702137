package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The e2e test image's subcommands that the Kubernetes docs use: {@code liveness} (healthy for 10 s, then
 * 500s: the HTTP liveness probe example), {@code netexec} (hostname and echo on 8080), {@code serve-hostname}
 * (9376), {@code pause}.
 */
final class Agnhost extends TimedProcess {

    private final String mode;
    private int port;

    Agnhost(Container c, ImageConfig image, List<String> args) {
        super(c, image);
        mode = args.isEmpty() ? "" : args.get(0);
        port = switch (mode) {
            case "liveness", "netexec" -> 8080;
            case "serve-hostname" -> 9376;
            default -> 0;
        };
        for (String a : args) {
            if (a.startsWith("--http-port=") || a.startsWith("--port=")) {
                port = Integer.parseInt(a.substring(a.indexOf('=') + 1));
            }
        }
        switch (mode) {
            case "liveness", "pause" -> {
            }
            case "netexec" -> {
                err(Duration.ZERO, "I" + HttpDates.format(java.time.format.DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS", java.util.Locale.ROOT)
                        .withZone(java.time.ZoneOffset.UTC), c.at(Duration.ZERO)) + "       1 log.go:245] Started HTTP server on port " + port);
                err(Duration.ZERO, "I" + HttpDates.format(java.time.format.DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS", java.util.Locale.ROOT)
                        .withZone(java.time.ZoneOffset.UTC), c.at(Duration.ZERO)) + "       1 log.go:245] Started UDP server on port  8081");
            }
            case "serve-hostname" -> out(Duration.ZERO, "Serving on port " + port + ".");
            default -> {
                out(Duration.ZERO, "Tool for testing kubernetes.");
                out(Duration.ZERO, "");
                out(Duration.ZERO, "Usage:");
                out(Duration.ZERO, "  agnhost [command]");
                exit(Duration.ZERO, 0);
            }
        }
    }

    @Override
    public boolean listening(int p) {
        return p == port && port != 0 && !ended;
    }

    @Override
    public Optional<Served> http(int p, Network.HttpRequest req, Instant now) {
        if (!listening(p)) {
            return Optional.empty();
        }
        String path = req.path();
        int status = 200;
        String body;
        if (mode.equals("liveness")) {
            double seconds = container.elapsed(now).toMillis() / 1000.0;
            if (seconds > 10) {
                status = 500;
                body = "error: " + seconds;
            } else {
                body = "ok";
            }
        } else if (mode.equals("serve-hostname") || path.startsWith("/hostname")) {
            body = container.hostname();
        } else if (path.startsWith("/echo?msg=")) {
            body = java.net.URLDecoder.decode(path.substring(10), java.nio.charset.StandardCharsets.UTF_8);
        } else if (path.startsWith("/clientip")) {
            body = req.clientAddress() + ":48372";
        } else {
            body = "NOW: " + now;
        }
        Network.HttpReply reply = new Network.HttpReply(status, status == 200 ? "OK" : "Internal Server Error", List.of(
                "Date: " + HttpDates.format(HttpDates.HEADER, now), "Content-Length: " + body.length(),
                "Content-Type: text/plain; charset=utf-8"), body);
        return Optional.of(new Served(reply, List.of()));
    }

    @Override
    public Optional<Duration> onTerminate() {
        return shutdown(List.of(), List.of(), Duration.ZERO, mode.equals("pause") ? 0 : 2);
    }
}
