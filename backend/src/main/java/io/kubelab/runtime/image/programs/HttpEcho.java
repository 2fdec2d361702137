package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** hashicorp/http-echo: answers every request with {@code -text} on {@code -listen} (default :5678). */
final class HttpEcho extends TimedProcess {

    private String text;
    private int port = 5678;
    private int status = 200;

    HttpEcho(Container c, ImageConfig image, List<String> args) {
        super(c, image);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).replaceFirst("^--", "-");
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(i + 1) : "";
            boolean inline = a.contains("=");
            String flag = inline ? a.substring(0, a.indexOf('=')) : a;
            switch (flag) {
                case "-text" -> text = value;
                case "-listen" -> port = Integer.parseInt(value.substring(value.lastIndexOf(':') + 1));
                case "-status-code" -> status = Integer.parseInt(value);
                default -> {
                    continue;
                }
            }
            if (!inline) {
                i++;
            }
        }
        if (text == null) {
            text = c.env().get("ECHO_TEXT");
        }
        if (text == null) {
            err(Duration.ZERO, "Missing -text option!");
            exit(Duration.ZERO, 127);
            return;
        }
        err(Duration.ZERO, HttpDates.format(HttpDates.GO_LOG, c.at(Duration.ZERO)) + " [INFO] server is listening on :" + port);
    }

    @Override
    public boolean listening(int p) {
        return p == port && text != null && !ended;
    }

    @Override
    public Optional<Served> http(int p, Network.HttpRequest req, Instant now) {
        if (!listening(p)) {
            return Optional.empty();
        }
        String body = text + "\n";
        Network.HttpReply reply = new Network.HttpReply(status, status == 200 ? "OK" : "Status", List.of(
                "X-App-Name: http-echo", "X-App-Version: " + image.version(), "Date: " + HttpDates.format(HttpDates.HEADER, now),
                "Content-Length: " + body.length(), "Content-Type: text/plain; charset=utf-8"), body);
        String line = HttpDates.format(HttpDates.GO_LOG, now) + " " + req.host() + " " + req.clientAddress() + ":48372 \""
                + req.method() + " " + req.path() + " HTTP/1.1\" " + status + " " + body.length() + " \"" + req.userAgent() + "\" 31.2µs";
        return Optional.of(new Served(reply, List.of(new Output(Duration.ZERO, true, line))));
    }

    @Override
    public Optional<Duration> onTerminate() {
        return shutdown(List.of(), List.of(HttpDates.format(HttpDates.GO_LOG, container.at(now())) + " [INFO] server is shutting down"),
                Duration.ofMillis(10), 0);
    }
}
