package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code registry.k8s.io/hpa-example}: Apache with PHP 5 ({@code apache2-foreground}) serving the HPA
 * walkthrough's {@code index.php}, which burns CPU on every request and answers {@code OK!}. Its CPU use
 * follows the requests it served over the last seconds, so a load generator makes it busy.
 */
final class PhpApache extends TimedProcess {

    static final int PORT = 80;
    static final String BODY = "OK!";
    /** What the idle server uses. */
    static final long IDLE_MILLICORES = 1;
    /**
     * CPU per request per second. Calibrated so the walkthrough's load generator (one wget every ~13 ms of
     * its loop) drives one 200m-request replica to its 500m limit and settles near 8 replicas at a 50% target.
     */
    static final double MILLICORES_PER_REQUEST_PER_SECOND = 10;
    private static final String SERVER = "Apache/2.4.25 (Debian)";

    private final RequestRate rate = new RequestRate();

    PhpApache(Container c, ImageConfig image) {
        super(c, image);
        if (outOfMemoryAtStart(Duration.ZERO)) {
            return;
        }
        Duration t = Duration.ofMillis(30);
        Httpd.serverNameWarning(this, "apache2", c.podIp());
        String s = "[" + HttpDates.format(HttpDates.APACHE_ERROR, c.at(t)) + "] ";
        err(t, s + "[mpm_prefork:notice] [pid 1] AH00163: " + SERVER + " PHP/" + image.version()
                + " configured -- resuming normal operations");
        err(t, s + "[core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'");
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
        rate.served(now);
        boolean head = req.method().equals("HEAD");
        Network.HttpReply reply = new Network.HttpReply(200, "OK", List.of("Date: " + HttpDates.format(HttpDates.HEADER, now),
                "Server: " + SERVER, "X-Powered-By: PHP/" + image.version(), "Content-Length: " + BODY.length(),
                "Content-Type: text/html; charset=UTF-8"), head ? "" : BODY);
        // The image logs in Apache's combined format; %O counts the headers too.
        String line = req.clientAddress() + " - - [" + HttpDates.format(HttpDates.ACCESS, now) + "] \"" + req.method() + " "
                + req.path() + " HTTP/1.1\" 200 " + (head ? 195 : 198) + " \"-\" \"" + req.userAgent() + "\"";
        return Optional.of(new Served(reply, List.of(new Output(Duration.ZERO, false, line))));
    }

    @Override
    public Usage usage() {
        double perSecond = rate.perSecond(container.clock().get());
        return new Usage(IDLE_MILLICORES + Math.round(perSecond * MILLICORES_PER_REQUEST_PER_SECOND), image.memoryBytes());
    }

    /** php:apache images stop on SIGWINCH: a graceful stop. */
    @Override
    public Optional<Duration> onTerminate() {
        String s = "[" + HttpDates.format(HttpDates.APACHE_ERROR, container.at(now())) + "] ";
        return shutdown(List.of(), List.of(s + "[mpm_prefork:notice] [pid 1] AH00170: caught SIGWINCH, shutting down gracefully"),
                Duration.ofMillis(200), 0);
    }
}
