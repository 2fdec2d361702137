package io.kubelab.kubectl.run;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.kubectl.create.Transcripts;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl run}: the pods and services kubectl 1.32 builds, and running them on the simulated cluster. */
class RunTest {

    private static final Path DIR = Path.of("src/test/resources/golden/kubectl/run");
    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void cluster() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 11);
        shell = new Shell(cluster);
    }

    @Test
    void dryRunsAsKubectlPrintsThem() throws IOException {
        Transcripts.check(shell, DIR.resolve("cases.txt"), DIR.resolve("dry-run.txt"), line -> Transcripts.beforeDashes(line,
                "--dry-run=client" + (line.contains(" -o ") ? "" : " -o yaml")));
    }

    @Test
    void createsThePodAndItsService() {
        CommandResult r = shell.execute("kubectl run web --image=nginx --port=80 --expose");
        assertEquals("service/web created\npod/web created\n", r.stdout());
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        var pod = cluster.api().peek(ResourceTypes.of("v1", "Pod"), "default", "web").orElseThrow();
        assertEquals("Running", pod.path("status").path("phase").asText());
        assertEquals("web", cluster.api().peek(ResourceTypes.of("v1", "Service"), "default", "web").orElseThrow()
                .path("spec").path("selector").path("run").asText());
        assertEquals("Error from server (AlreadyExists): pods \"web\" already exists\n",
                shell.execute("kubectl run web --image=nginx").stderr());
        assertEquals("pod/other created (server dry run)\n",
                shell.execute("kubectl run other --image=nginx --dry-run=server").stdout());
        assertTrue(cluster.api().peek(ResourceTypes.of("v1", "Pod"), "default", "other").isEmpty());
    }

    @Test
    void savesTheConfigurationOnlyWhenItSends() {
        shell.execute("kubectl run web --image=nginx --save-config");
        String saved = cluster.api().peek(ResourceTypes.of("v1", "Pod"), "default", "web").orElseThrow()
                .path("metadata").path("annotations").path("kubectl.kubernetes.io/last-applied-configuration").asText();
        assertEquals("{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\",\"creationTimestamp\":null,"
                + "\"labels\":{\"run\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\","
                + "\"resources\":{}}],\"restartPolicy\":\"Always\",\"dnsPolicy\":\"ClusterFirst\"},\"status\":{}}\n", saved);
    }

    @Test
    void attachedRunShowsTheOutputAndRemovesThePod() {
        CommandResult r = shell.execute("kubectl run hello --image=busybox -i --rm --restart=Never -- echo hello world");
        assertEquals("hello world\npod \"hello\" deleted\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(0, r.exitCode());
        assertTrue(cluster.api().peek(ResourceTypes.of("v1", "Pod"), "default", "hello").isEmpty()
                || cluster.api().peek(ResourceTypes.of("v1", "Pod"), "default", "hello").orElseThrow()
                .path("metadata").has("deletionTimestamp"));
    }

    @Test
    void anInteractiveShellCannotBeReachedFromThisTerminal() {
        CommandResult r = shell.execute("kubectl run t --image=busybox -it --rm -- sh");
        assertEquals("warning: couldn't attach to pod/t, falling back to streaming logs: this terminal cannot attach "
                + "to a container's terminal\n", r.stderr());
        assertEquals("pod \"t\" deleted\n", r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void attachedRunReturnsTheContainersExitCode() {
        CommandResult r = shell.execute("kubectl run fail --image=busybox -i --restart=Never -- sh -c 'echo bye; exit 3'");
        assertEquals("bye\n", r.stdout());
        assertEquals("pod default/fail terminated (Error)\n", r.stderr());
        assertEquals(3, r.exitCode());
    }
}
