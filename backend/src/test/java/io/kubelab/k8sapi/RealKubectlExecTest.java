package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl's {@code exec} against a sandbox: over WebSocket ({@code v5.channel.k8s.io}) from 1.30, over
 * the SPDY fallback's error path before; output, stdin, exit codes and the API server's refusals.
 */
class RealKubectlExecTest {

    private static KubeApiHarness harness;

    @BeforeAll
    static void start() {
        harness = new KubeApiHarness();
        harness.terminal("kubectl run web --image=nginx --port=80");
        harness.terminal("kubectl run box --image=busybox -- sleep 3600");
        harness.terminal("kubectl run done --image=busybox --restart=Never -- true");
        harness.settle();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    record Case(String args, String stdin, String stdout, String stderr, int exitCode) {
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("exec web -- echo hi", "", "hi\n", "", 0),
                new Case("exec box -- sh -c 'echo out; echo err >&2; exit 3'", "", "out\n",
                        "err\ncommand terminated with exit code 3\n", 3),
                new Case("exec -i box -- cat", "one\ntwo\n", "one\ntwo\n", "", 0),
                new Case("exec -i box -- wc -l", "a\nb\nc\n", "3\n", "", 0),
                new Case("exec box -- ls /nope", "", "", "ls: /nope: No such file or directory\n"
                        + "command terminated with exit code 1\n", 1),
                new Case("exec web -c nope -- ls", "", "",
                        "Error from server (BadRequest): container nope is not valid for pod web\n", 1),
                new Case("exec nope -- ls", "", "", "Error from server (NotFound): pods \"nope\" not found\n", 1),
                new Case("exec done -- ls", "", "",
                        "error: cannot exec into a container in a completed pod; current phase is Succeeded\n", 1),
                new Case("exec -it box -- echo hi", "", "hi\n",
                        "Unable to use a TTY - input is not a terminal or the right kind of file\n", 0));
    }

    /** Before 1.30 kubectl speaks SPDY only: the API server's refusals still read the same, a command cannot run. */
    static Stream<Case> spdyCases() {
        return Stream.of(
                new Case("exec web -- echo hi", "", "", "Error from server (BadRequest): this simulated API server "
                        + "streams over WebSocket only, not SPDY/3.1: use kubectl 1.30 or later for exec and attach, "
                        + "1.31 or later for port-forward\n", 1),
                new Case("exec web -c nope -- ls", "", "",
                        "Error from server (BadRequest): container nope is not valid for pod web\n", 1),
                new Case("exec nope -- ls", "", "", "Error from server (NotFound): pods \"nope\" not found\n", 1));
    }

    @ParameterizedTest
    @MethodSource("spdyCases")
    void execWithKubectl127(Case c) {
        check(RealKubectl.version(27), c);
    }

    @Test
    void theWebSocketPathIsTaken() {
        RealKubectl.Result result = harness.kubectl(RealKubectl.version(32), "-v=4", "exec", "web", "--", "echo", "hi");
        assertEquals("hi\n", result.stdout());
        assertTrue(result.stderr().contains("The subprotocol is v5.channel.k8s.io"), result.stderr());
    }

    @Test
    void portForwardBefore131SaysWhatIsMissing() {
        RealKubectl.Result result = harness.kubectl(RealKubectl.version(30), "port-forward", "pod/web", "18080:80");
        assertEquals(List.of("", "error: error upgrading connection: this simulated API server streams over WebSocket "
                        + "only, not SPDY/3.1: use kubectl 1.30 or later for exec and attach, 1.31 or later for "
                        + "port-forward\n", 1),
                List.of(result.stdout(), result.stderr(), result.exitCode()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void execWithKubectl132(Case c) {
        check(RealKubectl.version(32), c);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void execWithKubectl133(Case c) {
        check(RealKubectl.version(33), c);
    }

    private static void check(RealKubectl kubectl, Case c) {
        RealKubectl.Result result = harness.kubectl(kubectl, words(c.args()), c.stdin(), Map.of(), Duration.ZERO);
        assertEquals(List.of(c.stdout(), c.stderr(), c.exitCode()),
                List.of(result.stdout(), result.stderr(), result.exitCode()), c.args());
    }

    /** Splits like a shell: single quotes group words. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : line.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(ch);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
