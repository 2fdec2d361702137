package io.kubelab.runtime.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellTest {

    private final Sandbox sandbox = new Sandbox();

    private List<String> run(String image, String script) {
        return Sandbox.lines(Sandbox.steps(sandbox.start(image, List.of("sh", "-c", script), List.of()), 200));
    }

    /** Lines of output (stderr marked {@code 2> }) then {@code exit N after Xms}, joined by {@code |}. */
    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "busybox¦echo hi; exit 3¦hi|exit 3 after 0ms",
            "busybox¦echo -n a; echo b¦ab|exit 0 after 0ms",
            "busybox¦echo -e 'x\\ty'¦x\ty|exit 0 after 0ms",
            "busybox¦printf '%s=%d\\n' a 1 b 2¦a=1|b=2|exit 0 after 0ms",
            "busybox¦for i in 1 2 3; do echo $i; done¦1|2|3|exit 0 after 2ms",
            "busybox¦i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i¦3|exit 0 after 0ms",
            "busybox¦x=$(echo inner); echo \"got $x\"¦got inner|exit 0 after 0ms",
            "busybox¦if [ -f /etc/hostname ]; then echo yes; else echo no; fi¦yes|exit 0 after 0ms",
            "busybox¦false || echo fallback && echo both¦fallback|both|exit 0 after 0ms",
            "busybox¦echo $((6 * 7)) ${MISSING:-default} ${#HOSTNAME}¦42 default 5|exit 0 after 0ms",
            "busybox¦echo saved > /tmp/f; cat /tmp/f; cat /nope¦saved|2> cat: /nope: No such file or directory|exit 1 after 0ms",
            "busybox¦foo¦2> sh: foo: not found|exit 127 after 0ms",
            "ubuntu¦foo¦2> sh: 1: foo: not found|exit 127 after 0ms",
            "busybox¦sleep 2; echo done¦done|exit 0 after 2000ms",
            "busybox¦hostname; printenv GREETING¦web-0|hello|exit 0 after 0ms",
            "busybox¦echo 'a b' | wc -l¦1|exit 0 after 0ms",
            "busybox¦wget -qO- http://web/x¦hello from /x to Wget|exit 0 after 3ms",
            "busybox¦wget -qO- http://nowhere/¦2> wget: bad address 'nowhere'|exit 1 after 0ms",
            "curlimages/curl¦curl -s web¦hello from / to curl/8.11.1|exit 0 after 3ms",
            "busybox¦echo 'unterminated¦2> sh: syntax error: unterminated quoted string|exit 2 after 0ms",
            "python:3.13¦python -c 'print(\"hi\", 6*7)'¦hi 42|exit 0 after 0ms",
            "busybox¦date; sleep 61; date +%T¦Mon Dec  2 10:11:12 UTC 2024|10:12:13|exit 0 after 61000ms",
    })
    void runsWhatCoursesPaste(String image, String script, String expected) {
        List<String> got = Sandbox.lines(Sandbox.steps(sandbox.start(image, List.of("sh", "-c", script), List.of(),
                Map.of("GREETING", "hello"), 0, Map.of()), 200));
        List<String> want = List.of(expected.split("\\|"));
        // the exit's "after" is measured from the previous step; compare it as the total time instead
        assertEquals(want.subList(0, want.size() - 1), got.subList(0, got.size() - 1));
        assertEquals(want.get(want.size() - 1).replaceAll(" after .*", ""), got.get(got.size() - 1).replaceAll(" after .*", ""));
    }

    @Test
    void plainCommandsRunWithoutAShell() {
        Process sleep = sandbox.start("busybox", List.of("sleep", "3600"), List.of());
        assertEquals(List.of("exit 0 after 3600000ms"), Sandbox.lines(Sandbox.steps(sleep, 10)));
        Process forever = sandbox.start("busybox", List.of("sleep", "infinity"), List.of());
        assertEquals(List.of(), Sandbox.steps(forever, 10));
        assertTrue(forever.onTerminate().isEmpty(), "sleep as PID 1 ignores SIGTERM and waits for SIGKILL");
    }

    @Test
    void aTrappedSigtermEndsTheShell() {
        Process p = sandbox.start("busybox", List.of("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"), List.of());
        assertEquals(List.of(), Sandbox.steps(p, 10));
        sandbox.now = Sandbox.T0.plusSeconds(20);
        assertEquals(Duration.ZERO, p.onTerminate().orElseThrow());
        assertEquals(List.of(new Process.Exit(Duration.ofSeconds(20), 0)), Sandbox.steps(p, 10));
    }

    @Test
    void runawayRecursionIsBounded() {
        Process p = sandbox.start("busybox", List.of("sh", "-c", "f() { f | f; }; f; echo survived"), List.of());
        List<String> lines = Sandbox.lines(Sandbox.steps(p, 1_000_000));
        assertTrue(lines.size() < 1_000_000);
        assertEquals("survived", lines.get(lines.size() - 2));
        assertEquals("2> sh: can't fork: Resource temporarily unavailable", lines.get(0));
    }

    @Test
    void argsReplaceCmdAndCommandReplacesEntrypoint() {
        assertEquals(List.of("hello", "exit 0 after 0ms"),
                Sandbox.lines(Sandbox.steps(sandbox.start("nginx", List.of(), List.of("echo", "hello")), 10)));
        assertEquals(List.of("exit 0 after 0ms"), Sandbox.lines(Sandbox.steps(sandbox.start("busybox", List.of(), List.of()), 10)));
    }

    @Test
    void aMissingExecutableIsAStartError() {
        assertEquals(List.of("2> failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: "
                        + "unable to start container process: exec: \"foo\": executable file not found in $PATH: unknown", "exit 128 after 0ms"),
                Sandbox.lines(Sandbox.steps(sandbox.start("busybox", List.of("foo"), List.of()), 10)));
        assertEquals(List.of("2> failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: "
                        + "unable to start container process: exec: \"sh\": executable file not found in $PATH: unknown", "exit 128 after 0ms"),
                Sandbox.lines(Sandbox.steps(sandbox.start("registry.k8s.io/pause:3.10", List.of("sh"), List.of()), 10)));
    }

    @Test
    void endlessLoopsAreLazy() {
        Process p = sandbox.start("busybox", List.of("sh", "-c", "while true; do date; sleep 5; done"), List.of());
        List<Process.Step> steps = Sandbox.steps(p, 3);
        assertEquals(List.of("Mon Dec  2 10:11:12 UTC 2024", "Mon Dec  2 10:11:17 UTC 2024", "Mon Dec  2 10:11:22 UTC 2024"), Sandbox.lines(steps));
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5)), steps.stream().map(Process.Step::after).toList());
        Process busy = sandbox.start("busybox", List.of("sh", "-c", "while true; do echo y; done"), List.of());
        assertEquals(1000, Sandbox.steps(busy, 1000).size());
        Process spinning = sandbox.start("busybox", List.of("sh", "-c", "while :; do :; done"), List.of());
        assertEquals(List.of(), Sandbox.steps(spinning, 10));
        assertEquals(1000, spinning.usage().cpuMillis());
    }

    @Test
    void theLivenessExampleFileComesAndGoes() {
        Process p = sandbox.start("busybox:1.28", List.of(), List.of("/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"));
        assertEquals(List.of("exit 0 after 630000ms"), Sandbox.lines(Sandbox.steps(p, 10)));
        assertEquals(new Process.ExecResult("", "", 0), p.exec(List.of("cat", "/tmp/healthy"), Sandbox.T0.plusSeconds(10)));
        assertEquals(new Process.ExecResult("", "cat: /tmp/healthy: No such file or directory\n", 1),
                p.exec(List.of("cat", "/tmp/healthy"), Sandbox.T0.plusSeconds(35)));
        assertEquals(126, p.exec(List.of("nope"), Sandbox.T0).exitCode());
    }

    @Test
    void execSeesTheContainersEnvironment() {
        Process p = sandbox.start("nginx", List.of(), List.of(), Map.of("MODE", "prod"), 0, Map.of());
        assertEquals(new Process.ExecResult("prod\n", "", 0), p.exec(List.of("printenv", "MODE"), Sandbox.T0));
        assertEquals(new Process.ExecResult("1.27.3\n", "", 0), p.exec(List.of("sh", "-c", "echo $NGINX_VERSION"), Sandbox.T0));
        assertEquals("bash: line 1: nope: command not found\n", p.exec(List.of("bash", "-c", "nope"), Sandbox.T0).stderr());
    }
}
