package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** kubectl 1.31+'s port-forward (SPDY tunnelled in a WebSocket) to a simulated container, and HTTP through it. */
class RealKubectlPortForwardTest {

    private static KubeApiHarness harness;

    @BeforeAll
    static void start() {
        harness = new KubeApiHarness();
        harness.terminal("kubectl run web --image=nginx --port=80");
        harness.terminal("kubectl run echo --image=hashicorp/http-echo -- -text=hello -listen=:5678");
        harness.settle();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs kubectl port-forward to {@code target}, sends the GETs, answers "status body" for each, then stops it. */
    private static List<String> forward(int minor, String pod, int remote, List<String> paths) throws Exception {
        int local = freePort();
        Process process = RealKubectl.version(minor).start(List.of("--kubeconfig", harness.kubeconfig().toString(),
                "port-forward", "pod/" + pod, local + ":" + remote));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertEquals("Forwarding from 127.0.0.1:" + local + " -> " + remote, first);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<String> answers = new java.util.ArrayList<>();
            for (String path : paths) {
                HttpResponse<String> response;
                try {
                    response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + local + path)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    answers.add("no answer");
                    continue;
                }
                String body = response.body();
                if (path.equals("/fail")) {
                    answers.add("answered");
                    continue;
                }
                answers.add(response.statusCode() + " " + body.substring(0, Math.min(body.length(), 40)));
            }
            return answers;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void forwardsHttpToTheContainer() throws Exception {
        assertEquals(List.of("200 <!DOCTYPE html>\n<html>\n<head>\n<title>Wel", "404 <html>\r\n<head><title>404 Not Found</titl"),
                forward(32, "web", 80, List.of("/", "/missing")));
        assertEquals(List.of("200 hello\n"), forward(33, "echo", 5678, List.of("/")));
    }

    @Test
    void nothingListeningClosesTheConnection() throws Exception {
        assertEquals(List.of("no answer", "200 <!DOCTYPE html>\n<html>\n<head>\n<title>Wel"),
                concat(forward(32, "web", 81, List.of("/fail")), forward(32, "web", 80, List.of("/"))));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
