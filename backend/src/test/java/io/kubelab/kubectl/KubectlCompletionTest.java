package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.Completion;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kubectl's completion through the shell on a live cluster; the candidate lists are what
 * {@code kubectl.1.32 __complete ...} prints for the same objects (then sorted, as bash lists them).
 */
class KubectlCompletionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Shell shell;

    @BeforeAll
    static void cluster() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        for (String name : List.of("web-1", "web-2")) {
            create(cluster, "v1", "Pod", "default", """
                    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s"},"spec":{
                     "initContainers":[{"name":"init","image":"busybox"}],
                     "containers":[{"name":"nginx","image":"nginx","ports":[{"containerPort":80}]},
                                   {"name":"sidecar","image":"busybox"}]}}""".formatted(name));
        }
        create(cluster, "v1", "Namespace", "", """
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}""");
        create(cluster, "apps/v1", "Deployment", "shop", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"cart"},"spec":{"replicas":1,
                 "selector":{"matchLabels":{"app":"cart"}},"template":{"metadata":{"labels":{"app":"cart"}},
                 "spec":{"containers":[{"name":"cart","image":"nginx"}]}}}}""");
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        shell = new Shell(cluster);
    }

    private static void create(SimCluster cluster, String apiVersion, String kind, String ns, String json) throws Exception {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of(apiVersion, kind), ns, "")
                .withBody((ObjectNode) JSON.readTree(json)));
    }

    private static List<String> candidates(String line) {
        return Completion.complete(shell, line, line.length()).candidates();
    }

    @Test
    void verbsWithTheirSummaries() {
        Completion.Result r = Completion.complete(shell, "kubectl api-", 12);
        assertEquals(List.of("api-resources", "api-versions"), r.candidates());
        assertEquals(List.of("Print the supported API resources on the server",
                "Print the supported API versions on the server, in the form of \"group/version\""), r.descriptions());
        List<String> all = candidates("kubectl ");
        assertTrue(all.containsAll(List.of("apply", "create", "describe", "get", "logs", "rollout", "version")), all.toString());
        assertEquals(all.stream().sorted().toList(), all, "sorted as bash lists them");
        assertEquals(List.of("version"), candidates("kubectl -n kube-system ver"));
    }

    @Test
    void resourceTypesAsApiResourcesNamesThem() {
        Completion.Result r = Completion.complete(shell, "kubectl get po", 14);
        assertEquals(List.of("poddisruptionbudgets.policy", "pods", "pods.metrics.k8s.io"), r.candidates());
        assertEquals(12, r.from());
        assertEquals(List.of("deployments.apps"), candidates("kubectl get deploy"));
        assertEquals(List.of("nodes", "nodes.metrics.k8s.io"), candidates("kubectl describe no"));
        assertEquals(List.of("pods,secrets", "pods,serviceaccounts", "pods,services", "pods,statefulsets.apps",
                "pods,storageclasses.storage.k8s.io"), candidates("kubectl get pods,s"));
    }

    @Test
    void objectNamesFromTheClusterInTheNamespace() {
        assertEquals(List.of("web-1", "web-2"), candidates("kubectl get pods "));
        assertEquals(List.of("web-2"), candidates("kubectl delete pod web-1 "));
        assertEquals(List.of("pod/web-1", "pod/web-2"), candidates("kubectl get pod/w"));
        assertEquals(List.of("cart"), candidates("kubectl -n shop get deploy "));
        assertEquals(List.of("cart"), candidates("kubectl get deployments --namespace=shop "));
        assertEquals(List.of("kube-scheduler-controlplane"), candidates("kubectl get pods -n kube-system kube-sch"));
        assertEquals(List.of("default", "kube-node-lease", "kube-public", "kube-system", "shop"),
                candidates("kubectl get pods -n "));
        Completion.Result eq = Completion.complete(shell, "kubectl get --namespace=kube-p", 30);
        assertEquals(List.of("kube-public"), eq.candidates());
        assertEquals(24, eq.from());
    }

    @Test
    void theTypesAVerbTakes() {
        assertEquals(List.of("daemonset", "deployment", "statefulset"), candidates("kubectl rollout status "));
        assertEquals(List.of("deployment/cart"), candidates("kubectl rollout restart -n shop deployment/"));
        assertEquals(List.of(), candidates("kubectl rollout undo x "), "x is taken for a type, which has no objects");
        Completion.Result slash = Completion.complete(shell, "kubectl rollout undo deployment/cart d", 38);
        assertEquals(List.of("daemonset/", "deployment/"), slash.candidates());
        assertEquals(false, slash.space(), "TYPE/ waits for a name");
        assertEquals(List.of("node"), candidates("kubectl taint "));
        assertEquals(List.of("controlplane", "node01", "node02"), candidates("kubectl taint node "));
        assertEquals(List.of(), candidates("kubectl taint node node01 "));
        assertEquals(List.of("controlplane", "node01", "node02"), candidates("kubectl drain "));
        assertEquals(List.of("node01", "node02"), candidates("kubectl cordon node0"));
    }

    @Test
    void podsContainersAndPorts() {
        assertEquals(List.of("daemonsets/", "deployments/", "jobs/", "pods/", "replicasets/", "replicationcontrollers/",
                "services/", "statefulsets/", "web-1", "web-2"), candidates("kubectl exec "));
        assertEquals(List.of("init", "nginx", "sidecar"), candidates("kubectl logs web-1 "));
        assertEquals(List.of("pods/web-1", "pods/web-2"), candidates("kubectl logs pods/"));
        assertEquals(List.of("80:80"), candidates("kubectl port-forward web-1 "));
        assertEquals(List.of("8080:80"), candidates("kubectl port-forward pod/web-1 8080"));
    }

    @Test
    void flagsOfTheCommandAfterTheGlobalOnes() {
        assertEquals(List.of("--cache-dir", "--certificate-authority", "--client", "--client-certificate", "--client-key",
                "--cluster", "--context"), candidates("kubectl version --c"));
        assertEquals(List.of("--sort-by"), candidates("kubectl api-resources --so"));
        Completion.Result dash = Completion.complete(shell, "kubectl api-resources -", 23);
        // 27 global flags and 3 shorthands (-n -s -v), 9 of its own and 2 shorthands (-h -o), as kubectl 1.32 lists them.
        assertEquals(41, dash.candidates().size());
        assertEquals(List.of("kubernetes-admin@kubernetes"), candidates("kubectl --context "));
        assertEquals(List.of("--server"), candidates("kubectl --cluster kubernetes --ser"));
    }

    /** A command with kubectl's print, filename and container flags, as get, apply and exec have them. */
    private static final class Verb extends Command {
        @Override
        public String name() {
            return "exec";
        }

        @Override
        public String summary() {
            return "Execute a command in a container";
        }

        @Override
        public String usage() {
            return "kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]";
        }

        @Override
        public io.kubelab.kubectl.cli.FlagSet flags() {
            return new io.kubelab.kubectl.cli.FlagSet()
                    .add(io.kubelab.kubectl.cli.Flag.string("container", "c", "", "Container name."))
                    .add(io.kubelab.kubectl.cli.Flag.stringSlice("filename", "f", "to use to exec into the resource"))
                    .add(io.kubelab.kubectl.cli.Flag.string("output", "o", "", "Output format. One of: (json, yaml, "
                            + "name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, "
                            + "jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns."));
        }
    }

    @Test
    void flagValuesOfACommandsOwnFlags() {
        shell.execute("mkdir -p manifests && echo a > web.yaml && echo b > notes.txt && echo c > pod.json");
        SimCluster cluster = shell.cluster().orElseThrow();
        String kubeconfig = cluster.hosts().stream().map(h -> h.files().read("/etc/kubernetes/admin.conf"))
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow();
        KubectlContext ctx = new KubectlContext(cluster.api(), cluster.clock(), new HomeFiles(kubeconfig), null);
        List<Command> root = List.of(new Verb());
        KubectlCompletion.Result formats = KubectlCompletion.complete(root, ctx, List.of("exec", "-o"), "j");
        assertEquals(List.of("json", "jsonpath", "jsonpath-as-json", "jsonpath-file"), formats.words());
        assertEquals(KubectlCompletion.NO_FILE_COMP, formats.directive());
        KubectlCompletion.Result files = KubectlCompletion.complete(root, ctx, List.of("exec", "-f"), "");
        assertEquals(List.of("json", "yaml", "yml"), files.words());
        assertEquals(KubectlCompletion.FILTER_FILE_EXT, files.directive());
        assertEquals(List.of("init", "nginx", "sidecar"),
                KubectlCompletion.complete(root, ctx, List.of("exec", "web-1", "--container"), "").words());
        assertEquals(List.of("--context", "--container"),
                KubectlCompletion.complete(root, ctx, List.of("exec"), "--cont").words(), "inherited flags first");
        assertEquals(List.of("-c"), KubectlCompletion.complete(root, ctx, List.of("exec"), "-c").words());
        assertEquals(List.of("--filename"), KubectlCompletion.complete(root, ctx, List.of("exec", "-f", "a.yaml"), "--fi").words(),
                "a repeatable flag stays on offer");
        assertEquals(List.of("--context"), KubectlCompletion.complete(root, ctx, List.of("exec", "-c", "x"), "--cont").words(),
                "a flag given once is not offered again");
    }

    @Test
    void manifestFilesThroughTheShell() {
        var r = shell.execute("mkdir -p manifests && echo a > web.yaml && echo b > notes.txt && echo c > pod.json");
        assertEquals("", r.stderr());
        assertEquals(List.of("notes.txt"), candidates("kubectl version --kubeconfig n"),
                "kubectl registers no completion for --kubeconfig, so bash falls back to file names");
        assertEquals(List.of("manifests/"), candidates("kubectl --request-timeout m"));
    }

    /** A workstation holding only the admin kubeconfig in the student's home. */
    private record HomeFiles(String kubeconfig) implements Workstation {
        @Override
        public java.util.Optional<String> read(String path) {
            return path.equals("/home/student/.kube/config") ? java.util.Optional.of(kubeconfig) : java.util.Optional.empty();
        }

        @Override
        public boolean isDirectory(String path) {
            return false;
        }

        @Override
        public List<String> list(String path) {
            return List.of();
        }

        @Override
        public void write(String path, String content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String env(String name) {
            return null;
        }

        @Override
        public String home() {
            return "/home/student";
        }
    }
}
