package io.kubelab.runtime.image;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NginxTest {

    private final Sandbox sandbox = new Sandbox();

    private static Network.HttpRequest get(String path) {
        return new Network.HttpRequest("GET", "10.244.1.5", path, List.of(), "", "10.244.2.7", "curl/8.11.1");
    }

    @Test
    void logsTheEntrypointAndTheMastersNotices() {
        Process nginx = sandbox.start("nginx", List.of(), List.of());
        assertEquals(List.of(
                "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
                "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
                "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
                "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
                "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
                "/docker-entrypoint.sh: Configuration complete; ready for start up",
                "2> 2024/12/02 10:11:12 [notice] 1#1: using the \"epoll\" event method",
                "2> 2024/12/02 10:11:12 [notice] 1#1: nginx/1.27.3",
                "2> 2024/12/02 10:11:12 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ",
                "2> 2024/12/02 10:11:12 [notice] 1#1: OS: Linux 6.8.0-1021-gcp",
                "2> 2024/12/02 10:11:12 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
                "2> 2024/12/02 10:11:12 [notice] 1#1: start worker processes",
                "2> 2024/12/02 10:11:12 [notice] 1#1: start worker process 29",
                "2> 2024/12/02 10:11:12 [notice] 1#1: start worker process 30"), Sandbox.lines(Sandbox.steps(nginx, 100)));
        assertTrue(nginx.listening(80));
        assertFalse(nginx.listening(8080));
    }

    @Test
    void oldImagesStartSilently() {
        assertEquals(List.of(), Sandbox.lines(Sandbox.steps(sandbox.start("nginx:1.14.2", List.of(), List.of()), 100)));
    }

    @Test
    void servesTheWelcomePageAndLogsEachRequest() {
        Process nginx = sandbox.start("nginx", List.of(), List.of());
        Sandbox.steps(nginx, 100);
        Process.Served served = nginx.http(80, get("/"), Sandbox.T0.plusSeconds(30)).orElseThrow();
        assertEquals(200, served.reply().status());
        assertEquals(615, served.reply().body().length());
        assertTrue(served.reply().body().contains("<h1>Welcome to nginx!</h1>"));
        assertEquals("nginx/1.27.3", served.reply().header("Server").orElseThrow());
        assertEquals("615", served.reply().header("Content-Length").orElseThrow());
        assertEquals(List.of("10.244.2.7 - - [02/Dec/2024:10:11:42 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"curl/8.11.1\" \"-\""),
                served.log().stream().map(Process.Output::line).toList());
    }

    @Test
    void answersMissingFilesWithItsErrorPage() {
        Process nginx = sandbox.start("nginx:1.26", List.of(), List.of());
        Process.Served served = nginx.http(80, get("/nope"), Sandbox.T0.plusSeconds(5)).orElseThrow();
        assertEquals(404, served.reply().status());
        assertEquals("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n"
                + "<hr><center>nginx/1.26.2</center>\r\n</body>\r\n</html>\r\n", served.reply().body());
        assertEquals(List.of(
                "2024/12/02 10:11:17 [error] 29#29: *1 open() \"/usr/share/nginx/html/nope\" failed (2: No such file or directory), client: 10.244.2.7, server: localhost, request: \"GET /nope HTTP/1.1\", host: \"10.244.1.5\"",
                "10.244.2.7 - - [02/Dec/2024:10:11:17 +0000] \"GET /nope HTTP/1.1\" 404 153 \"-\" \"curl/8.11.1\" \"-\""),
                served.log().stream().map(Process.Output::line).toList());
    }

    @Test
    void servesAConfigMapMountedOverItsHtmlDirectory() {
        Process nginx = sandbox.start("nginx", List.of(), List.of(), Map.of(), 0,
                Map.of("/usr/share/nginx/html/index.html", "<h1>Hello from a ConfigMap</h1>\n"));
        assertEquals("<h1>Hello from a ConfigMap</h1>\n", nginx.http(80, get("/"), Sandbox.T0).orElseThrow().reply().body());
        assertEquals(404, nginx.http(80, get("/50x.html"), Sandbox.T0).orElseThrow().reply().status());
    }

    @Test
    void quitsGracefullyOnItsStopSignal() {
        Process nginx = sandbox.start("nginx", List.of(), List.of());
        Sandbox.steps(nginx, 100);
        sandbox.now = Sandbox.T0.plusSeconds(60);
        assertEquals(Duration.ofMillis(100), nginx.onTerminate().orElseThrow());
        List<Process.Step> steps = Sandbox.steps(nginx, 100);
        assertEquals(Duration.ofMillis(59_960), steps.get(0).after(), "measured from the last start-up line, 40 ms in");
        assertEquals("2024/12/02 10:12:12 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down", ((Process.Output) steps.get(0)).line());
        assertEquals("exit 0 after 100ms", Sandbox.lines(steps).get(steps.size() - 1));
    }

    @Test
    void aShellThatStartsNginxHandsTheContainerOver() {
        Process p = sandbox.start("nginx", List.of("/bin/sh", "-c"),
                List.of("echo \"hello from $(hostname)\" > /usr/share/nginx/html/index.html && nginx -g 'daemon off;'"));
        List<String> lines = Sandbox.lines(Sandbox.steps(p, 100));
        assertEquals(8, lines.size(), "no entrypoint lines: command replaced the ENTRYPOINT");
        assertEquals("2> 2024/12/02 10:11:12 [notice] 1#1: nginx/1.27.3", lines.get(1));
        assertTrue(p.listening(80));
        assertEquals("hello from web-0\n", p.http(80, get("/"), Sandbox.T0.plusSeconds(1)).orElseThrow().reply().body());
        assertEquals(Duration.ofMillis(100), p.onTerminate().orElseThrow());
    }

    @Test
    void httpdSaysItWorks() {
        Process httpd = sandbox.start("httpd:2.4", List.of(), List.of());
        Process.Served served = httpd.http(80, get("/"), Sandbox.T0).orElseThrow();
        assertEquals("<html><body><h1>It works!</h1></body></html>\n", served.reply().body());
        assertEquals("10.244.2.7 - - [02/Dec/2024:10:11:12 +0000] \"GET / HTTP/1.1\" 200 45", served.log().get(0).line());
    }
}
