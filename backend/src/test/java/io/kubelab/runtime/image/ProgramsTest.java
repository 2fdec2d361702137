package io.kubelab.runtime.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramsTest {

    private final Sandbox sandbox = new Sandbox();

    @Test
    void perlPrintsPiForTheJobExample() {
        Process p = sandbox.start("perl:5.34.0", List.of("perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"), List.of());
        List<Process.Step> steps = Sandbox.steps(p, 10);
        String pi = ((Process.Output) steps.get(0)).line();
        assertEquals("3.1415926535897932384626433832795028841971693993751", pi.substring(0, 51));
        assertEquals(2001, pi.length());
        assertEquals("exit 0 after 0ms", Sandbox.lines(steps).get(1));
    }

    @Test
    void postgresRefusesWithoutAPassword() {
        List<String> lines = Sandbox.lines(Sandbox.steps(sandbox.start("postgres:17", List.of(), List.of()), 50));
        assertEquals(List.of(
                "2> Error: Database is uninitialized and superuser password is not specified.",
                "2>        You must specify POSTGRES_PASSWORD to a non-empty value for the",
                "2>        superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
                "2> ",
                "2>        You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
                "2>        connections without a password. This is *not* recommended.",
                "2> ",
                "2>        See PostgreSQL documentation about \"trust\":",
                "2>        https://www.postgresql.org/docs/current/auth-trust.html",
                "exit 1 after 30ms"), lines);
    }

    @Test
    void postgresWithAPasswordBecomesReady() {
        Process p = sandbox.start("postgres:17", List.of(), List.of(), Map.of("POSTGRES_PASSWORD", "s3cret"), 0, Map.of());
        List<String> lines = Sandbox.lines(Sandbox.steps(p, 100));
        assertEquals("2> 2024-12-02 10:11:15.000 UTC [1] LOG:  database system is ready to accept connections", lines.get(lines.size() - 1));
        sandbox.now = Sandbox.T0.plusSeconds(5);
        assertTrue(p.listening(5432));
    }

    @Test
    void mysqlRefusesWithoutARootPassword() {
        List<String> lines = Sandbox.lines(Sandbox.steps(sandbox.start("mysql:8.4", List.of(), List.of()), 50));
        assertEquals(List.of(
                "2024-12-02 10:11:12+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.",
                "2024-12-02 10:11:12+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
                "2024-12-02 10:11:12+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.",
                "2> 2024-12-02 10:11:12+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
                "2>     You need to specify one of the following as an environment variable:",
                "2>     - MYSQL_ROOT_PASSWORD",
                "2>     - MYSQL_ALLOW_EMPTY_PASSWORD",
                "2>     - MYSQL_RANDOM_ROOT_PASSWORD",
                "exit 1 after 0ms"), lines);
    }

    /** The Kubernetes docs' memory example: 250M of allocation is OOM-killed only under a smaller limit. */
    @ParameterizedTest
    @CsvSource({
            "104857600, OOM after 600ms",
            "209715200, OOM after 600ms",
            "314572800, ",
            "0, ",
    })
    void stressIsKilledPastItsLimit(long limit, String last) {
        Process p = sandbox.start("polinux/stress", List.of("stress"), List.of("--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"),
                Map.of(), limit, Map.of());
        List<String> lines = Sandbox.lines(Sandbox.steps(p, 10));
        assertEquals("stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd", lines.get(0));
        assertEquals(last == null ? 1 : 2, lines.size());
        if (last != null) {
            assertEquals(last, lines.get(1));
        } else {
            assertEquals(263_144_000L, p.usage().memoryBytes());
        }
    }

    @Test
    void redisBannerAndShutdown() {
        Process p = sandbox.start("redis:7.4", List.of(), List.of());
        List<String> lines = Sandbox.lines(Sandbox.steps(p, 50));
        assertEquals("1:C 02 Dec 2024 10:11:12.000 * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started", lines.get(2));
        assertEquals("1:M 02 Dec 2024 10:11:12.001 * Ready to accept connections tcp", lines.get(lines.size() - 1));
        assertTrue(p.listening(6379));
        assertTrue(p.onTerminate().isPresent());
        assertEquals("exit 0 after 100ms", Sandbox.lines(Sandbox.steps(p, 50)).get(5));
    }

    @Test
    void httpEchoAnswersItsText() {
        Process p = sandbox.start("hashicorp/http-echo", List.of(), List.of("-text=apple", "-listen=:8080"));
        assertEquals(List.of("2> 2024/12/02 10:11:12 [INFO] server is listening on :8080"), Sandbox.lines(Sandbox.steps(p, 5)));
        Network.HttpRequest req = new Network.HttpRequest("GET", "apple", "/", List.of(), "", "10.244.2.7", "curl/8.11.1");
        assertEquals("apple\n", p.http(8080, req, Sandbox.T0).orElseThrow().reply().body());
        assertTrue(p.http(5678, req, Sandbox.T0).isEmpty());
    }

    @Test
    void agnhostLivenessFailsAfterTenSeconds() {
        Process p = sandbox.start("registry.k8s.io/e2e-test-images/agnhost:2.40", List.of(), List.of("liveness"));
        Network.HttpRequest req = new Network.HttpRequest("GET", "10.244.1.5:8080", "/healthz", List.of(), "", "10.244.1.1", "kube-probe/1.32");
        assertEquals(200, p.http(8080, req, Sandbox.T0.plusSeconds(5)).orElseThrow().reply().status());
        assertEquals(500, p.http(8080, req, Sandbox.T0.plusSeconds(11)).orElseThrow().reply().status());
    }
}
