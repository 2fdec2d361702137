package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kubectl get --raw .../proxy/...} on pods, services and nodes, answered by the simulated network. */
class RealKubectlProxyTest {

    private static KubeApiHarness harness;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        harness = new KubeApiHarness();
        harness.terminal("kubectl run web --image=nginx --port=80");
        harness.terminal("kubectl expose pod web --port=8080 --target-port=80");
        harness.terminal("kubectl run echo --image=hashicorp/http-echo -- -text=hello -listen=:5678");
        harness.terminal("kubectl create service clusterip empty --tcp=80:80");
        harness.settle();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    record Case(String path, String stdoutStart, String stderr, int exitCode) {
    }

    static Stream<Case> cases() {
        String ns = "/api/v1/namespaces/default/";
        return Stream.of(
                new Case(ns + "pods/web/proxy/", "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>", "", 0),
                new Case(ns + "pods/web:80/proxy/", "<!DOCTYPE html>", "", 0),
                new Case(ns + "services/web/proxy/", "<!DOCTYPE html>", "", 0),
                new Case(ns + "services/web:8080/proxy/", "<!DOCTYPE html>", "", 0),
                new Case(ns + "pods/echo:5678/proxy/", "hello\n", "", 0),
                new Case(ns + "services/empty/proxy/", "",
                        "Error from server (ServiceUnavailable): no endpoints available for service \"empty\"\n", 1),
                new Case(ns + "services/web:9999/proxy/", "",
                        "Error from server (ServiceUnavailable): no service port 9999 found for service \"web\"\n", 1),
                new Case(ns + "services/nope/proxy/", "", "Error from server (NotFound): services \"nope\" not found\n", 1),
                new Case(ns + "pods/web:81/proxy/", "", "Error from server (ServiceUnavailable): error trying to reach "
                        + "service: dial tcp " + "IP" + ":81: connect: connection refused\n", 1),
                new Case("/api/v1/nodes/node01/proxy/healthz", "ok", "", 0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void proxies(Case c) {
        RealKubectl.Result result = harness.kubectl(kubectl, "get", "--raw", c.path());
        String podIp = harness.cluster().api().peek(io.kubelab.model.ResourceTypes.of("v1", "Pod"), "default", "web")
                .map(p -> p.path("status").path("podIP").asText()).orElse("");
        String stdoutStart = result.stdout().substring(0, Math.min(result.stdout().length(), c.stdoutStart().length()));
        assertEquals(List.of(c.stdoutStart(), c.stderr().replace("IP:", podIp + ":"), c.exitCode()),
                List.of(stdoutStart, result.stderr(), result.exitCode()), c.path());
    }
}
