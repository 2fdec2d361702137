package io.kubelab.kubectl;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and hostile kubectl lines against a live cluster: no exception escapes (every line answers with an
 * exit code, and a failure says why on stderr), none takes long, and the cluster still answers afterwards.
 */
class KubectlFuzzTest {

    private static final long MAX_MILLIS_PER_LINE = 5_000;

    private static final String[] VERBS = {"get", "describe", "create", "apply", "delete", "edit", "patch", "replace",
        "run", "expose", "scale", "autoscale", "label", "annotate", "taint", "cordon", "uncordon", "drain", "set",
        "set image", "set env", "rollout", "rollout status", "rollout undo", "rollout history", "logs", "exec",
        "port-forward", "top", "top pod", "events", "explain", "api-resources", "config", "config view",
        "config set-context", "auth can-i", "wait", "cluster-info", "version", "create deployment", "create secret generic",
        "create configmap", "create job", "create cronjob", "create role", "create service nodeport", "help", "zzz"};
    private static final String[] WORDS = {"pods", "po", "deploy", "svc", "nodes", "node01", "ns", "cm", "secret",
        "all", "pod/web", "deployment/web", "deployment.apps/web", "web", "kube-system", "-n", "-A", "-l", "app=web",
        "-o", "yaml", "json", "wide", "name", "jsonpath={.items[*].metadata.name}", "jsonpath={", "go-template={{.x}}",
        "go-template={{", "custom-columns=N:.metadata.name", "custom-columns=", "--sort-by=.metadata.name",
        "--sort-by={.spec}", "--image=nginx", "--image=", "--replicas=3", "--replicas=-1", "--replicas=x", "--port=80",
        "--dry-run=client", "--dry-run", "--dry-run=bogus", "-f", "-", "/nowhere.yaml", "--", "sh", "-c", "echo hi",
        "--from-literal=a=b", "--from-literal=", "a=b", "a-", "key=value:NoSchedule", "--overwrite", "--all",
        "--force", "--grace-period=0", "--timeout=1s", "--for=condition=Ready", "--for=delete", "--to-revision=9",
        "-c", "nginx", "--tail=-5", "--since=1x", "--previous", "--as=nobody", "--as=system:serviceaccount:default:default",
        "--kubeconfig=/nowhere", "--context=nope", "-h", "--help", "=", "'", "\u001b[31mred", "\u0000", "x".repeat(300),
        "--selector=a in (", "--field-selector=spec.nodeName=node01", "--field-selector=bogus=1", "-it", "--rm",
        "--restart=Never", "--show-labels", "-L", "app", "--no-headers", "-w", "--watch-only", "--recursive",
        "--cascade=orphan", "--ignore-not-found", "--list", "--current", "--namespace=dev", "--raw", "--minify"};

    @Test
    void hostileKubectlLinesNeverBreakIt() {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 3);
        Shell shell = new Shell(cluster);
        shell.execute("kubectl create deployment web --image=nginx --replicas=2");
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        Random random = new Random(20261125);
        for (int i = 0; i < 1500; i++) {
            StringBuilder line = new StringBuilder("kubectl ").append(VERBS[random.nextInt(VERBS.length)]);
            int words = random.nextInt(6);
            for (int w = 0; w < words; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                line.append(' ').append(word.contains(" ") || word.contains("'") || word.contains("{") ? quote(word) : word);
            }
            check(shell, line.toString());
        }
        for (String line : List.of("kubectl", "kubectl -", "kubectl --", "kubectl -n", "kubectl get -o",
                "kubectl get pods -o jsonpath='" + "{range .items[*]}".repeat(2000) + "'",
                "kubectl get pods -o go-template='" + "{{if 1}}".repeat(3000) + "'",
                "kubectl get " + "pods,".repeat(2000) + "pods", "kubectl get pods " + "web ".repeat(2000),
                "kubectl create configmap big --from-literal=k=" + "v".repeat(100_000))) {
            check(shell, line);
        }
        CommandResult after = shell.execute("kubectl get deploy web -o jsonpath='{.metadata.name}'");
        assertEquals("web", after.stdout(), after.stderr());
    }

    private static void check(Shell shell, String line) {
        long t0 = System.nanoTime();
        CommandResult r = shell.execute(line);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < MAX_MILLIS_PER_LINE, line + " took " + millis + " ms");
        assertTrue(r.exitCode() >= 0, line);
        if (r.exitCode() != 0) {
            assertTrue(!r.stderr().isEmpty() || !r.stdout().isEmpty() || line.contains("can-i") || line.contains("wait"),
                    "a failure says why: " + line);
        }
        assertTrue(!r.stderr().contains("internal error") && !r.stderr().contains("Exception"), line + "\n" + r.stderr());
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
