package io.kubelab.shell;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ssh} into the nodes and the node tools: crictl, systemctl, journalctl, ip, iptables-save. */
class NodeShellTest {

    SimCluster cluster;
    Shell shell;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        shell = new Shell(cluster);
    }

    record Case(String line, String stdout, String stderr, int exit, String prompt) {
    }

    @Test
    void aCriONodeRunsTheCrioUnit() {
        SimCluster crio = SimCluster.create(ClusterSpec.standard().withRuntime(ClusterSpec.Runtime.CRIO),
                SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        Shell onCrio = new Shell(crio);
        onCrio.execute("ssh node01");
        CommandResult status = onCrio.execute("systemctl status crio");
        assertEquals(0, status.exitCode(), status.stderr());
        assertTrue(status.stdout().startsWith("\u25cf crio.service - Container Runtime Interface for OCI (CRI-O)\n"));
        assertEquals("Unit containerd.service could not be found.\n", onCrio.execute("systemctl status containerd").stderr());
        assertTrue(onCrio.execute("systemctl status kubelet").stdout().contains("unix:///var/run/crio/crio.sock"));
        assertTrue(crio.api().peek(io.kubelab.model.ResourceTypes.of("v1", "Node"), "", "node01").orElseThrow()
                .path("status").path("nodeInfo").path("containerRuntimeVersion").asText().startsWith("cri-o://"));
    }

    @Test
    void sshMovesBetweenMachines() {
        cluster.stop("node/node02");
        List<Case> cases = List.of(
                new Case("hostname", "workstation\n", "", 0, "student@workstation:~$ "),
                new Case("ssh node09", "", "ssh: Could not resolve hostname node09: Name or service not known\n", 255,
                        "student@workstation:~$ "),
                new Case("ssh node02", "", "ssh: connect to host node02 port 22: No route to host\n", 255,
                        "student@workstation:~$ "),
                new Case("ssh node01", "", "", 0, "root@node01:~# "),
                new Case("hostname", "node01\n", "", 0, "root@node01:~# "),
                new Case("cat /etc/hostname", "node01\n", "", 0, "root@node01:~# "),
                new Case("cd /etc/kubernetes", "", "", 0, "root@node01:/etc/kubernetes# "),
                new Case("ls", "kubelet.conf\nmanifests\npki\n", "", 0, "root@node01:/etc/kubernetes# "),
                new Case("ssh 172.30.1.2", "", "", 0, "root@controlplane:~# "),
                new Case("exit", "logout\n", "Connection to 172.30.1.2 closed.\n", 0, "root@node01:/etc/kubernetes# "),
                new Case("logout", "logout\n", "Connection to node01 closed.\n", 0, "student@workstation:~$ "),
                new Case("crictl ps", "", "bash: crictl: command not found\n", 127, "student@workstation:~$ "),
                new Case("ssh root@node01 hostname", "node01\n", "", 0, "student@workstation:~$ "),
                new Case("exit", "", "exit: this is your own machine's terminal: it stays open.\n", 1,
                        "student@workstation:~$ "));
        for (Case c : cases) {
            CommandResult result = shell.execute(c.line());
            assertEquals(c.stdout(), result.stdout(), c.line());
            assertEquals(c.stderr(), result.stderr(), c.line());
            assertEquals(c.exit(), result.exitCode(), c.line());
            assertEquals(c.prompt(), shell.prompt(), c.line());
        }
    }

    @Test
    void crictlPsPrintsCrictlsTable() {
        cluster.clock().advance(Duration.ofMinutes(5));
        shell.execute("ssh node01");
        ContainerRuntime runtime = cluster.runtime("node01").orElseThrow();
        Sandbox sandbox = runtime.sandboxes().get(0);
        RuntimeContainer proxy = sandbox.container("kube-proxy").orElseThrow();
        String image = Crictl.imageId(runtime.image(proxy.imageRef()).orElseThrow().imageId()).substring(0, 13);
        assertEquals("CONTAINER           IMAGE               CREATED             STATE               NAME"
                        + "                ATTEMPT             POD ID              POD\n"
                        + proxy.id().substring(0, 13) + "       " + image + "       5 minutes ago       Running"
                        + "             kube-proxy          0                   " + sandbox.id().substring(0, 13)
                        + "       " + sandbox.podName() + "\n",
                shell.execute("crictl ps").stdout());
        assertEquals(proxy.id() + "\n", shell.execute("crictl ps -q").stdout());
        assertEquals("POD ID              CREATED             STATE               NAME                NAMESPACE"
                        + "           ATTEMPT             RUNTIME\n"
                        + sandbox.id().substring(0, 13) + "       5 minutes ago       Ready               "
                        + sandbox.podName() + "    kube-system         0                   (default)\n",
                shell.execute("crictl pods").stdout());
        assertEquals("IMAGE                        TAG                 IMAGE ID            SIZE\n"
                        + "registry.k8s.io/kube-proxy   v1.32.2             " + image + "       30.9MB\n"
                        + "registry.k8s.io/pause        3.10                "
                        + Crictl.imageId(Crictl.PAUSE).substring(0, 13) + "       320kB\n",
                shell.execute("crictl images").stdout());
        assertTrue(shell.execute("crictl logs " + proxy.id().substring(0, 13)).stdout()
                .contains("\"Using iptables proxy\""));
        assertTrue(shell.execute("crictl inspect " + proxy.id().substring(0, 13)).stdout()
                .contains("\"state\" : \"CONTAINER_RUNNING\""));
        CommandResult missing = shell.execute("crictl logs abc");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().endsWith("FATA[0000] rpc error: code = NotFound desc = an error occurred when try "
                + "to find container \"abc\": not found\n"), missing.stderr());
    }

    @Test
    void nodeToolsShowTheNode() {
        cluster.clock().advance(Duration.ofSeconds(1));
        shell.execute("ssh node01");
        assertEquals(cluster.proxy("node01").orElseThrow().iptablesSave(), shell.execute("iptables-save").stdout());
        assertEquals(cluster.proxy("node01").orElseThrow().iptablesSave().lines()
                        .filter(l -> l.contains("KUBE-SERVICES")).map(l -> l + "\n").reduce("", String::concat),
                shell.execute("iptables-save | grep KUBE-SERVICES").stdout());
        String ip = shell.execute("ip addr").stdout();
        assertTrue(ip.contains("    inet 172.30.2.2/24 brd 172.30.2.255 scope global eth0\n"), ip);
        assertTrue(ip.contains("    inet 10.244.1.1/24 brd 10.244.1.255 scope global cni0\n"), ip);
        assertEquals("staticPodPath: /etc/kubernetes/manifests\n",
                shell.execute("grep staticPodPath /var/lib/kubelet/config.yaml").stdout());
        assertEquals("- 10.96.0.10\n", shell.execute("grep 10.96 /var/lib/kubelet/config.yaml").stdout());
        assertEquals("PRETTY_NAME=\"Ubuntu 22.04.5 LTS\"\n", shell.execute("head -1 /etc/os-release").stdout());
        String logs = shell.execute("ls /var/log/pods").stdout();
        assertTrue(logs.startsWith("kube-system_kube-proxy-"), logs);
        String dir = "/var/log/pods/" + logs.strip();
        assertEquals("kube-proxy\n", shell.execute("ls " + dir).stdout());
        assertEquals("0.log\n", shell.execute("ls " + dir + "/kube-proxy").stdout());
        assertTrue(shell.execute("cat " + dir + "/kube-proxy/0.log").stdout()
                .startsWith("2026-11-25T10:00:00.000000000Z stdout F I1125 10:00:00.000000       1 server_linux.go:66]"));
    }

    @Test
    void stoppingTheKubeletMakesTheNodeNotReady() {
        shell.execute("ssh node01");
        assertEquals(0, shell.execute("systemctl stop kubelet").exitCode());
        assertTrue(cluster.isStopped("kubelet/node01"));
        cluster.clock().advance(Duration.ofSeconds(30));
        CommandResult status = shell.execute("systemctl status kubelet");
        assertEquals(3, status.exitCode());
        assertTrue(status.stdout().startsWith("\u25cb kubelet.service - kubelet: The Kubernetes Node Agent\n"), status.stdout());
        assertTrue(status.stdout().contains("     Active: inactive (dead) since Wed 2026-11-25 10:00:00 UTC; 30s ago\n"),
                status.stdout());
        assertTrue(status.stdout().contains("node01 systemd[1]: Stopped kubelet: The Kubernetes Node Agent.\n"),
                status.stdout());
        assertEquals("True", ready("node01"));
        cluster.clock().advance(Duration.ofSeconds(30));
        assertEquals("Unknown", ready("node01"));
        assertEquals("inactive\n", shell.execute("systemctl is-active kubelet").stdout());
        shell.execute("systemctl start kubelet");
        cluster.clock().advance(Duration.ofSeconds(15));
        assertEquals("True", ready("node01"));
        assertTrue(shell.execute("systemctl status kubelet").stdout()
                .contains("     Active: active (running) since Wed 2026-11-25 10:01:00 UTC; 15s ago\n"));
        assertTrue(shell.execute("journalctl -u kubelet | grep systemd").stdout().endsWith(
                "Nov 25 10:01:00 node01 systemd[1]: Started kubelet: The Kubernetes Node Agent.\n"));
    }

    private String ready(String node) {
        for (var c : cluster.api().peek(io.kubelab.model.ResourceTypes.of("v1", "Node"), "", node).orElseThrow()
                .path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText();
            }
        }
        return "";
    }
}
