package io.kubelab.runtime;

import io.kubelab.clock.SimClock;
import io.kubelab.events.ComponentEvent;
import io.kubelab.events.ComponentEvents;
import io.kubelab.runtime.image.ContainerStart;
import io.kubelab.runtime.image.Image;
import io.kubelab.runtime.image.ImageCatalogue;
import io.kubelab.runtime.image.Network;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerRuntimeTest {

    final SimClock clock = SimClock.manual(Instant.parse("2026-11-25T10:00:00Z"));
    final ComponentEvents events = new ComponentEvents(clock::now, 0);
    final List<ComponentEvent> said = new ArrayList<>();
    final ContainerLogs logs = new ContainerLogs();

    ContainerRuntime runtime(RuntimeFlavor flavor) {
        events.subscribe(said::add);
        return new ContainerRuntime("node01", "172.30.2.2", "10.244.1.0/24", flavor, new TestImages(), clock, events,
                new SplittableRandom(1), logs);
    }

    static ContainerStart start(List<String> command) {
        return new ContainerStart(command, List.of(), Map.of(), "", "p", "10.244.1.2", 0, ContainerStart.Files.NONE,
                Network.NONE);
    }

    @Test
    void sandboxesGetTheLowestFreeAddressOfThePodCidr() {
        ContainerRuntime runtime = runtime(RuntimeFlavor.CONTAINERD);
        assertEquals("10.244.1.2", runtime.runPodSandbox("a", "default", "a", false).orElseThrow().ip());
        assertEquals("10.244.1.3", runtime.runPodSandbox("b", "default", "b", false).orElseThrow().ip());
        assertEquals("172.30.2.2", runtime.runPodSandbox("h", "default", "h", true).orElseThrow().ip());
        runtime.removePodSandbox("a");
        assertEquals("10.244.1.2", runtime.runPodSandbox("c", "default", "c", false).orElseThrow().ip());
        assertEquals("10.244.1.4", runtime.runPodSandbox("d", "default", "d", false).orElseThrow().ip());
        assertEquals(List.of(
                "run-sandbox Created the sandbox of pod a (its pause container) with runc, which set up its network, IPC and UTS namespaces.",
                "cni-add CNI ADD attached pod a to the pod network with IP 10.244.1.2."),
                said.subList(0, 2).stream().map(e -> e.action() + " " + e.message()).toList());
        assertTrue(said.stream().anyMatch(e -> e.message().equals("CNI DEL detached pod a from the pod network and freed IP 10.244.1.2.")));
        assertTrue(said.stream().allMatch(e -> e.component().equals("container-runtime") && e.node().orElseThrow().equals("node01")));
    }

    @Test
    void containerIdsAndVersionsFollowTheRuntime() {
        for (RuntimeFlavor flavor : RuntimeFlavor.values()) {
            String expected = flavor == RuntimeFlavor.CONTAINERD ? "containerd://" : "cri-o://";
            assertTrue(flavor.containerId("ab").equals(expected + "ab"));
        }
        assertEquals("containerd://1.7.24", RuntimeFlavor.CONTAINERD.version());
        assertEquals("cri-o://1.32.1", RuntimeFlavor.CRIO.version());
    }

    @Test
    void imageNamesAreNormalisedAsContainerdDoes() {
        Map<String, String> cases = Map.of(
                "nginx", "docker.io/library/nginx:latest",
                "nginx:1.27", "docker.io/library/nginx:1.27",
                "bitnami/redis", "docker.io/bitnami/redis:latest",
                "registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10",
                "localhost:5000/app", "localhost:5000/app:latest",
                "nginx@sha256:abc", "docker.io/library/nginx@sha256:abc");
        cases.forEach((in, out) -> assertEquals(out, ImageNames.normalise(in), in));
    }

    @Test
    void aContainersStepsRunOnTheClockAndItsExitIsReported() {
        ContainerRuntime runtime = runtime(RuntimeFlavor.CONTAINERD);
        List<String> exits = new ArrayList<>();
        runtime.setListener((uid, name) -> exits.add(uid + "/" + name));
        Sandbox sandbox = runtime.runPodSandbox("u", "default", "p", false).orElseThrow();
        Image image = ((ImageCatalogue.Pulled) runtime.resolve("busybox:1.36")).image();
        runtime.storeImage("busybox:1.36", image, "Pod/default/p");
        assertTrue(runtime.image("docker.io/library/busybox:1.36").isPresent());
        RuntimeContainer c = runtime.createContainer(sandbox, "c", image);
        runtime.startContainer(sandbox, c, image, start(List.of("sleep", "5")), Duration.ofMinutes(1));
        assertEquals(1, clock.pending());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of("u/c"), exits);
        assertEquals("Completed", c.reason());
        assertEquals(0, c.exitCode());
        RuntimeContainer again = runtime.createContainer(sandbox, "c", image);
        assertEquals(1, again.attempt());
        runtime.startContainer(sandbox, again, image, start(List.of("sleep", "600")), Duration.ofMinutes(1));
        assertEquals(0, clock.pending(), "a far-off exit of a long-running container is background work");
        runtime.stopContainer(sandbox, again, Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(137, again.exitCode());
        assertEquals(c, sandbox.previous("c").orElseThrow());
    }
}
