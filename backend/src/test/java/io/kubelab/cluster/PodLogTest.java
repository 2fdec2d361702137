package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.LogOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.kubelab.cluster.ApiServerPipelineTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log subresource: kube-apiserver's and the kubelet's checks in their words, and the lines. */
class PodLogTest {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    SimCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = BootstrapTest.cluster();
    }

    String log(String namespace, String pod, LogOptions options) {
        return cluster.api().podLog(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, namespace, pod), options);
    }

    String refusal(String namespace, String pod, LogOptions options) {
        return assertThrows(StatusException.class, () -> log(namespace, pod, options)).getMessage();
    }

    void setStatus(String pod, String status) {
        ObjectNode current = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", pod)).body();
        current.set("status", json(status));
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, PODS, "default", pod).withSubresource("status")
                .withBody(current));
    }

    String corednsPod() {
        return cluster.api().peekAll(PODS, "kube-system").stream()
                .map(p -> p.path("metadata").path("name").asText()).filter(n -> n.startsWith("coredns-")).findFirst()
                .orElseThrow();
    }

    @Test
    void systemPodsHaveLoggedTheirStart() {
        String dns = corednsPod();
        assertEquals(".:53\n", log("kube-system", dns, LogOptions.DEFAULT).substring(0, 5));
        assertEquals("CoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9\n",
                log("kube-system", dns, LogOptions.DEFAULT.withTail(2)));
        assertEquals("2026-11-25T10:00:00Z linux/amd64, go1.21.11, a6338e9\n",
                log("kube-system", dns, LogOptions.DEFAULT.withTail(1).withTimestamps(true)));
        assertEquals(".:5", log("kube-system", dns, LogOptions.DEFAULT.withLimitBytes(3)));
        cluster.clock().advance(Duration.ofMinutes(10));
        assertEquals("", log("kube-system", dns, LogOptions.DEFAULT.withSinceSeconds(60)));
        assertTrue(log("kube-system", "etcd-controlplane", LogOptions.DEFAULT).contains("serving client traffic securely"));
    }

    @Test
    void newLinesReachFollowers() {
        String dns = corednsPod();
        List<String> chunks = new ArrayList<>();
        Runnable stop = cluster.api().followPodLog(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "kube-system", dns),
                LogOptions.DEFAULT.withTail(1), chunks::add);
        cluster.logs().append("kube-system", dns, "coredns", cluster.clock().now(), "[INFO] 10.244.1.5:41234 - query");
        stop.run();
        cluster.logs().append("kube-system", dns, "coredns", cluster.clock().now(), "after");
        assertEquals(List.of("linux/amd64, go1.21.11, a6338e9\n", "[INFO] 10.244.1.5:41234 - query\n"), chunks);
    }

    @Test
    void theChecksSayWhatIsWrong() {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "").withBody(json(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"two\"},\"spec\":{\"nodeName\":\"node01\","
                        + "\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"},{\"name\":\"side\",\"image\":\"busybox\"}]}}")));
        assertEquals("a container name must be specified for pod two, choose one of: [web side]",
                refusal("default", "two", LogOptions.DEFAULT));
        assertEquals("container db is not valid for pod two", refusal("default", "two", LogOptions.DEFAULT.withContainer("db")));
        assertEquals("container \"web\" in pod \"two\" is not available",
                refusal("default", "two", LogOptions.DEFAULT.withContainer("web")));
        setStatus("two", "{\"containerStatuses\":[{\"name\":\"web\",\"state\":{\"waiting\":{\"reason\":"
                + "\"ContainerCreating\"}},\"lastState\":{},\"ready\":false,\"restartCount\":0,\"image\":\"nginx\","
                + "\"imageID\":\"\"}]}");
        assertEquals("container \"web\" in pod \"two\" is waiting to start: ContainerCreating",
                refusal("default", "two", LogOptions.DEFAULT.withContainer("web")));
        assertEquals("previous terminated container \"web\" in pod \"two\" not found",
                refusal("default", "two", LogOptions.DEFAULT.withContainer("web").withPrevious(true)));

        cluster.logs().append("default", "two", "web", cluster.clock().now(), "boom");
        cluster.logs().restarted("default", "two", "web");
        setStatus("two", "{\"containerStatuses\":[{\"name\":\"web\",\"state\":{\"waiting\":{\"reason\":"
                + "\"CrashLoopBackOff\"}},\"lastState\":{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\"}},"
                + "\"ready\":false,\"restartCount\":1,\"image\":\"nginx\",\"imageID\":\"\"}]}");
        assertEquals("boom\n", log("default", "two", LogOptions.DEFAULT.withContainer("web")),
                "a crash-looping container shows its last run");
        assertEquals("PodLogOptions \"two\" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0",
                refusal("default", "two", LogOptions.DEFAULT.withTail(-1)));
        assertEquals("pods \"nope\" not found", refusal("default", "nope", LogOptions.DEFAULT));
    }

    @Test
    void aPodNotYetOnANodeHasNoLog() {
        ObjectNode pod = json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"pending\"},\"spec\":"
                + "{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]}}");
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "").withBody(pod));
        assertEquals("", log("default", "pending", LogOptions.DEFAULT));
    }

    @Test
    void logsAreParkedWithTheCluster() {
        String dns = corednsPod();
        cluster.logs().append("kube-system", dns, "coredns", cluster.clock().now(), "kept");
        SimCluster woken = SimCluster.wake(cluster.park(), io.kubelab.clock.SimClock.manual(cluster.clock().now()));
        assertTrue(woken.api().podLog(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "kube-system", dns),
                LogOptions.DEFAULT.withTail(1)).equals("kept\n"));
    }
}
