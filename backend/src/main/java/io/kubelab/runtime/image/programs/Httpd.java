package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Apache httpd ({@code httpd-foreground}): "It works!" from htdocs, common-log access lines, graceful stop. */
final class Httpd extends TimedProcess {

    static final String ROOT = "/usr/local/apache2/htdocs";
    static final int PORT = 80;
    private static final String TID = "140274418317192";

    /** Apache's start-up warning without a ServerName, printed twice (config test, then start) as it is. */
    static void serverNameWarning(TimedProcess process, String binary, String podIp) {
        String line = "AH00558: " + binary + ": Could not reliably determine the server's fully qualified domain name, "
                + "using " + podIp + ". Set the 'ServerName' directive globally to suppress this message";
        process.err(Duration.ZERO, line);
        process.err(Duration.ZERO, line);
    }

    Httpd(Container c, ImageConfig image) {
        super(c, image);
        if (outOfMemoryAtStart(Duration.ZERO)) {
            return;
        }
        Duration t = Duration.ofMillis(20);
        serverNameWarning(this, "httpd", c.podIp());
        String s = "[" + HttpDates.format(HttpDates.APACHE_ERROR, c.at(t)) + "] ";
        err(t, s + "[mpm_event:notice] [pid 1:tid " + TID + "] AH00489: Apache/" + image.version() + " (Unix) configured -- resuming normal operations");
        err(t, s + "[core:notice] [pid 1:tid " + TID + "] AH00094: Command line: 'httpd -D FOREGROUND'");
    }

    @Override
    public boolean listening(int port) {
        return port == PORT && !ended;
    }

    @Override
    public Optional<Served> http(int port, Network.HttpRequest req, Instant now) {
        if (!listening(port)) {
            return Optional.empty();
        }
        String path = req.path().split("\\?", 2)[0];
        Optional<String> content = container.fs().read(ROOT + (path.endsWith("/") ? path + "index.html" : path), container.elapsed(now));
        String server = "Apache/" + image.version() + " (Unix)";
        Network.HttpReply reply;
        if (content.isPresent()) {
            reply = new Network.HttpReply(200, "OK", List.of("Date: " + HttpDates.format(HttpDates.HEADER, now), "Server: " + server,
                    "Last-Modified: " + HttpDates.format(HttpDates.HEADER, container.startedAt()),
                    "ETag: \"2d-" + Long.toHexString(container.startedAt().getEpochSecond()) + "\"", "Accept-Ranges: bytes",
                    "Content-Length: " + content.get().length(), "Content-Type: text/html"), req.method().equals("HEAD") ? "" : content.get());
        } else {
            String body = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n"
                    + "</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n";
            reply = new Network.HttpReply(404, "Not Found", List.of("Date: " + HttpDates.format(HttpDates.HEADER, now), "Server: " + server,
                    "Content-Length: " + body.length(), "Content-Type: text/html; charset=iso-8859-1"), req.method().equals("HEAD") ? "" : body);
        }
        String line = req.clientAddress() + " - - [" + HttpDates.format(HttpDates.ACCESS, now) + "] \"" + req.method() + " "
                + req.path() + " HTTP/1.1\" " + reply.status() + " " + (reply.body().isEmpty() ? "-" : reply.body().length());
        return Optional.of(new Served(reply, List.of(new Output(Duration.ZERO, false, line))));
    }

    /** The image's STOPSIGNAL is SIGWINCH: a graceful stop. */
    @Override
    public Optional<Duration> onTerminate() {
        String s = "[" + HttpDates.format(HttpDates.APACHE_ERROR, container.at(now())) + "] ";
        return shutdown(List.of(), List.of(s + "[mpm_event:notice] [pid 1:tid " + TID + "] AH00492: caught SIGWINCH, shutting down gracefully"),
                Duration.ofMillis(200), 0);
    }
}
