package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;


/** The real kubectl 1.32 against a sandbox's Kubernetes API prints what our terminal prints for the same line. */
class RealKubectlSmokeTest {

    private static KubeApiHarness harness;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        harness = new KubeApiHarness();
        harness.terminal("kubectl create deployment web --image=nginx --replicas=2");
        harness.terminal("kubectl run one --image=busybox -- sleep 3600");
        harness.settle();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void readsMatchTheTerminal() {
        Differential diff = new Differential(harness, kubectl);
        for (String line : List.of("get nodes", "get pods -A -o wide", "get all", "get deploy web -o yaml",
                "get pods --show-labels", "get pods -o name", "describe deployment web", "get ns",
                "api-resources", "get svc,deploy -A", "get pod nope", "get deploy -o jsonpath={.items[*].metadata.name}",
                "describe node node01", "get events", "explain pod.spec.restartPolicy", "auth can-i create pods", "auth can-i delete nodes --as=jane",
                "auth whoami",
                "get pods --sort-by=.metadata.name", "get cm -A", "top nodes")) {
            diff.same(line);
        }
        diff.assertNone();
    }

    /** kubectl 1.32 sends these bodies as protobuf: the same objects come out as from our terminal. */
    @Test
    void createGeneratorsSendProtobufAndMakeTheSameObjects() {
        List<String> lines = List.of("create deployment NAME --image=nginx --replicas=0 --port=80",
                "create configmap NAME --from-literal=a=1 --from-literal=b=two",
                "create secret generic NAME --from-literal=password=s3cr3t",
                "create service nodeport NAME --tcp=80:8080",
                "create job NAME --image=busybox -- echo hi",
                "create cronjob NAME --image=busybox --schedule=*/5_*_*_*_* -- date",
                "create role NAME --verb=get,list --resource=pods",
                "create quota NAME --hard=pods=10,requests.cpu=2",
                "create serviceaccount NAME",
                "create poddisruptionbudget NAME --selector=app=web --min-available=0",
                "create priorityclass NAME --value=0",
                "create ingress NAME --rule=example.com/=svc:80");
        int i = 0;
        for (String line : lines) {
            i++;
            String real = "real-" + i;
            String ours = "ours-" + i;
            List<String> args = Words.split(line.replace("NAME", real)).stream().map(w -> w.replace('_', ' ')).toList();
            RealKubectl.Result r = harness.kubectl(kubectl, args, "", java.util.Map.of(), java.time.Duration.ZERO);
            String oursLine = "kubectl " + line.replace("NAME", ours).replace("*/5_*_*_*_*", "'*/5 * * * *'");
            io.kubelab.shell.CommandResult o = harness.terminal(oursLine);
            org.junit.jupiter.api.Assertions.assertEquals(r.stdout().replace(real, ours) + r.stderr(),
                    o.stdout() + o.stderr(), line);
            String kind = line.split(" ")[1].equals("secret") || line.split(" ")[1].equals("service")
                    ? line.split(" ")[1] : line.split(" ")[1];
            String realYaml = harness.terminal("kubectl get " + kind + " " + real + " -o yaml").stdout();
            String oursYaml = harness.terminal("kubectl get " + kind + " " + ours + " -o yaml").stdout();
            org.junit.jupiter.api.Assertions.assertEquals(mask(realYaml, real), mask(oursYaml, ours), line);
        }
    }

    /** What differs between two objects made the same way: names, uids, versions and times. */
    private static String mask(String yaml, String name) {
        return yaml.replace(name, "NAME")
                .replaceAll("uid: \\S+", "uid: UID")
                .replaceAll("resourceVersion: \"\\d+\"", "resourceVersion: RV")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "TIME")
                .replaceAll("clusterIP: \\S+|- 10\\.\\d+\\.\\d+\\.\\d+|nodePort: \\d+", "ALLOCATED");
    }
}
