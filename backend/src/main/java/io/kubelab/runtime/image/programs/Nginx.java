package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.container.Container;
import io.kubelab.runtime.image.container.Flavour;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * nginx as the official image runs it: the entrypoint's configuration lines, the master's notices on
 * stderr, the default server on port 80 serving {@code /usr/share/nginx/html} (so a ConfigMap mounted there
 * replaces the welcome page), one access-log line per request, and a graceful stop on its STOPSIGNAL.
 */
final class Nginx extends TimedProcess {

    static final String ROOT = "/usr/share/nginx/html";
    static final int PORT = 80;
    static final Duration STARTUP = Duration.ofMillis(40);

    private int connections;

    Nginx(Container c, ImageConfig image, boolean viaEntrypoint) {
        super(c, image);
        Duration t = Duration.ZERO;
        if (viaEntrypoint && !c.env().containsKey("NGINX_ENTRYPOINT_QUIET_LOGS")) {
            for (String line : entrypointLines(c, image)) {
                out(t, line);
            }
            t = t.plus(STARTUP);
        }
        if (outOfMemoryAtStart(t) || !logsNotices(image.version())) {
            return;
        }
        String stamp = stamp(t);
        List<String> notices = List.of(
                "using the \"epoll\" event method",
                "nginx/" + image.version(),
                "built by " + (c.flavour() == Flavour.BUSYBOX ? "gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) " : "gcc 12.2.0 (Debian 12.2.0-14) "),
                "OS: Linux 6.8.0-1021-gcp",
                "getrlimit(RLIMIT_NOFILE): 1048576:1048576",
                "start worker processes",
                "start worker process 29",
                "start worker process 30");
        for (String n : notices) {
            err(t, stamp + " [notice] 1#1: " + n);
        }
    }

    /** Images before 1.19 log at level warn, so nginx says nothing when it starts. */
    static boolean logsNotices(String version) {
        String[] v = version.split("\\.");
        return Integer.parseInt(v[0]) > 1 || Integer.parseInt(v[1]) >= 19;
    }

    private static List<String> entrypointLines(Container c, ImageConfig image) {
        List<String> lines = new ArrayList<>();
        lines.add("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
        lines.add("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/");
        lines.add("/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh");
        String conf = "/etc/nginx/conf.d/default.conf";
        Optional<String> current = c.fs().read(conf, Duration.ZERO);
        if (current.isEmpty()) {
            lines.add("10-listen-on-ipv6-by-default.sh: info: " + conf + " is not a file or does not exist");
        } else if (!current.equals(Optional.ofNullable(image.files().get(conf)))) {
            // a ConfigMap mounted over conf.d: the script cannot write to it
            lines.add("10-listen-on-ipv6-by-default.sh: info: can not modify " + conf + " (read-only file system?)");
        } else {
            lines.add("10-listen-on-ipv6-by-default.sh: info: Getting the checksum of " + conf);
            lines.add("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in " + conf);
        }
        lines.add("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh");
        lines.add("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh");
        lines.add("/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh");
        lines.add("/docker-entrypoint.sh: Configuration complete; ready for start up");
        return lines;
    }

    private String stamp(Duration at) {
        return HttpDates.format(HttpDates.NGINX_ERROR, container.at(at));
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
        connections++;
        Duration at = container.elapsed(now);
        String path = req.path().split("\\?", 2)[0];
        String server = "nginx/" + image.version();
        List<Output> log = new ArrayList<>();
        String file = path.endsWith("/") ? ROOT + path + "index.html" : ROOT + path;
        Optional<String> content = container.fs().read(file, at);
        if (content.isEmpty() && path.endsWith("/")) {
            content = container.fs().read(ROOT + path + "index.htm", at);
        }
        Network.HttpReply reply;
        if (content.isPresent()) {
            String body = content.get();
            int length = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            reply = new Network.HttpReply(200, "OK", List.of("Server: " + server, "Date: " + HttpDates.format(HttpDates.HEADER, now),
                    "Content-Type: " + contentType(file), "Content-Length: " + length,
                    "Last-Modified: " + HttpDates.format(HttpDates.HEADER, container.startedAt()), "Connection: keep-alive",
                    "ETag: \"" + Long.toHexString(container.startedAt().getEpochSecond()) + "-" + Integer.toHexString(length) + "\"",
                    "Accept-Ranges: bytes"), req.method().equals("HEAD") ? "" : body);
        } else if (container.fs().isDirectory(ROOT + path, at) && !path.endsWith("/")) {
            String body = errorPage(301, "Moved Permanently", server);
            reply = new Network.HttpReply(301, "Moved Permanently", List.of("Server: " + server, "Date: " + HttpDates.format(HttpDates.HEADER, now),
                    "Content-Type: text/html", "Content-Length: " + body.length(), "Connection: keep-alive",
                    "Location: http://" + req.host() + path + "/"), body);
        } else {
            log.add(new Output(Duration.ZERO, true, HttpDates.format(HttpDates.NGINX_ERROR, now) + " [error] 29#29: *" + connections
                    + " open() \"" + file + "\" failed (2: No such file or directory), client: " + req.clientAddress()
                    + ", server: localhost, request: \"" + req.method() + " " + req.path() + " HTTP/1.1\", host: \"" + req.host() + "\""));
            String body = errorPage(404, "Not Found", server);
            reply = new Network.HttpReply(404, "Not Found", List.of("Server: " + server, "Date: " + HttpDates.format(HttpDates.HEADER, now),
                    "Content-Type: text/html", "Content-Length: " + body.length(), "Connection: keep-alive"),
                    req.method().equals("HEAD") ? "" : body);
        }
        int sent = req.method().equals("HEAD") ? 0 : reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        log.add(new Output(Duration.ZERO, false, req.clientAddress() + " - - [" + HttpDates.format(HttpDates.ACCESS, now) + "] \""
                + req.method() + " " + req.path() + " HTTP/1.1\" " + reply.status() + " " + sent + " \"-\" \""
                + (req.userAgent() == null || req.userAgent().isEmpty() ? "-" : req.userAgent()) + "\" \"-\""));
        return Optional.of(new Served(reply, log));
    }

    /** nginx's built-in error pages, with their CRLF line ends. */
    static String errorPage(int status, String reason, String server) {
        return "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>" + status + " "
                + reason + "</h1></center>\r\n<hr><center>" + server + "</center>\r\n</body>\r\n</html>\r\n";
    }

    private static String contentType(String file) {
        if (file.endsWith(".html") || file.endsWith(".htm")) {
            return "text/html";
        }
        if (file.endsWith(".json")) {
            return "application/json";
        }
        if (file.endsWith(".css")) {
            return "text/css";
        }
        if (file.endsWith(".js")) {
            return "application/javascript";
        }
        return file.endsWith(".txt") ? "text/plain" : "application/octet-stream";
    }

    /** The image's STOPSIGNAL is SIGQUIT: workers finish their requests, then the master exits 0. */
    @Override
    public Optional<Duration> onTerminate() {
        String s = HttpDates.format(HttpDates.NGINX_ERROR, container.at(now()));
        return shutdown(List.of(), List.of(
                s + " [notice] 1#1: signal 3 (SIGQUIT) received, shutting down",
                s + " [notice] 29#29: gracefully shutting down",
                s + " [notice] 30#30: gracefully shutting down",
                s + " [notice] 29#29: exiting",
                s + " [notice] 30#30: exiting",
                s + " [notice] 29#29: exit",
                s + " [notice] 30#30: exit",
                s + " [notice] 1#1: signal 17 (SIGCHLD) received from 29",
                s + " [notice] 1#1: worker process 29 exited with code 0",
                s + " [notice] 1#1: worker process 30 exited with code 0",
                s + " [notice] 1#1: exit"), Duration.ofMillis(100), 0);
    }

    @Override
    public Usage usage() {
        return new Usage(1, image.memoryBytes());
    }
}
