package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verbs that change objects in place (label, annotate, scale, autoscale, expose, set, patch, replace,
 * taint, cordon) with the real kubectl 1.32 against our API, and our terminal's kubectl, on twin clusters.
 */
class RealKubectlMutateTest {

    private static TwinHarnesses twins;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        twins = new TwinHarnesses();
        twins.setup("kubectl create deployment web --image=nginx --replicas=2 --port=80",
                "kubectl create deployment api --image=httpd",
                "kubectl create deployment sized --image=nginx",
                "kubectl create deployment labelled --image=nginx",
                "kubectl run solo --image=nginx --port=8080 --labels=run=solo",
                "kubectl run lone --image=nginx",
                "kubectl create configmap cfg --from-literal=a=1",
                "kubectl create configmap cfg2 --from-literal=a=1",
                "kubectl create sa robot").settle();
    }

    @AfterAll
    static void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @Test
    void labelAndAnnotate() {
        twins.differential(kubectl)
                .same("label deploy labelled tier=front")
                .same("label deploy labelled tier=back")
                .same("label deploy labelled tier=back --overwrite")
                .same("label deploy labelled tier-")
                .same("label deploy labelled nothere-")
                .same("label deploy labelled a=1 b=2 --dry-run=server -o yaml")
                .same("label pods --all stage=test")
                .same("label pods -l app=web stage=prod --overwrite")
                .same("label cm cfg cfg2 owner=me")
                .same("label cm cfg 'bad key=1'")
                .sameObjects("get deploy labelled -o yaml")
                .sameObjects("get pods --show-labels")
                .same("annotate deploy labelled note='hello world'")
                .same("annotate deploy labelled note=again")
                .same("annotate deploy labelled note=again --overwrite")
                .same("annotate deploy labelled note-")
                .same("annotate cm --all reviewed=yes")
                .same("annotate pods -l run=solo checked=true")
                .sameObjects("get cm -o yaml")
                .assertNone();
    }

    @Test
    void scale() {
        twins.differential(kubectl)
                .same("scale deploy sized --replicas=3")
                .same("scale deploy sized --replicas=4 --current-replicas=2")
                .same("scale deploy sized --replicas=4 --current-replicas=3")
                .same("scale deploy sized --replicas=-1")
                .same("scale deploy sized nope --replicas=1")
                .same("scale deploy sized --replicas=5 --dry-run=server")
                .sameObjects("get deploy sized -o yaml")
                .assertNone();
    }

    /**
     * kubectl 1.32 posts its autoscaler as autoscaling/v1 (protobuf); the server stores it as v2, answers in v1
     * ({@code -o yaml} of the dry run) and {@code get hpa} reads the v2 object.
     */
    @Test
    void autoscale() {
        twins.differential(kubectl)
                .same("autoscale deploy sized --min=2 --max=5 --cpu-percent=70")
                .same("autoscale deploy sized --max=5")
                .same("autoscale deploy api --max=3 --name=api-hpa --dry-run=server -o yaml")
                .sameObjects("get hpa sized -o yaml")
                .assertNone();
    }

    @Test
    void expose() {
        twins.differential(kubectl)
                .same("expose deploy web")
                .same("expose deploy web --port=8080 --target-port=80 --name=web-alt --type=NodePort")
                .same("expose pod solo --port=9090 --name=solo-svc")
                .same("expose pod lone --port=80")
                .same("expose svc web --name=web-lb --type=LoadBalancer --port=81 --target-port=80")
                .same("expose deploy api --port=80 --type=ClusterIP --dry-run=server -o yaml")
                .same("expose deploy web")
                .same("get rs -o name")
                .sameObjects("get svc web web-alt solo-svc web-lb -o yaml")
                .assertNone();
    }

    @Test
    void setAndPatch() {
        String d = twins.dir + "/patch";
        twins.differential(kubectl)
                .same("set image deploy/api httpd=httpd:2.4")
                .same("set image deploy/api nothere=httpd:2.4")
                .same("set env deploy/api MODE=prod LEVEL=3")
                .same("set env deploy/api LEVEL-")
                .same("set resources deploy/api --limits=cpu=200m,memory=128Mi --requests=cpu=100m")
                .same("set serviceaccount deploy api robot")
                .same("set selector svc web app=web,extra=x --dry-run=server -o yaml")
                .sameObjects("get deploy api -o yaml")
                .same("patch deploy api -p '{\"spec\":{\"replicas\":2}}'")
                .same("patch deploy api --type=merge -p '{\"metadata\":{\"labels\":{\"patched\":\"merge\"}}}'")
                .same("patch deploy api --type=json -p '[{\"op\":\"add\",\"path\":\"/metadata/annotations/j\",\"value\":\"son\"}]'")
                .same("patch deploy api --type=json -p '[{\"op\":\"remove\",\"path\":\"/metadata/annotations/none\"}]'")
                .same("patch deploy api --type=strategic -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"httpd\",\"image\":\"httpd:2.4.62\"}]}}}}'")
                .same("patch deploy api -p '{\"spec\":{\"replicas\":2}}'")
                .same("patch deploy api -p '{not json'")
                .same("patch deploy api --type=merge -p '{\"spec\":{\"foo\":1}}'")
                .same("patch deploy api -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"httpd\",\"bogus\":1}]}}}}'")
                .same("patch deploy api -p 'spec: {replicas: 2}'")
                .file(d + "/patch.yaml", "spec:\n  replicas: 1\n")
                .same("patch deploy api --patch-file " + d + "/patch.yaml")
                .same("patch deploy api --subresource=scale --type=merge -p '{\"spec\":{\"replicas\":3}}'")
                .same("patch deploy api --subresource=status --type=merge -p '{\"status\":{\"observedGeneration\":99}}' -o jsonpath={.status.observedGeneration}")
                .same("patch deploy api -p '{\"spec\":{\"replicas\":5}}' --dry-run=server -o jsonpath={.spec.replicas}")
                .sameObjects("get deploy api -o yaml")
                .assertNone();
    }

    @Test
    void replace() {
        String d = twins.dir + "/replace";
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: replaced\ndata:\n  k: v%d\n";
        twins.differential(kubectl)
                .file(d + "/cm.yaml", cm.formatted(1))
                .same("replace -f " + d + "/cm.yaml")
                .same("create -f " + d + "/cm.yaml")
                .file(d + "/cm.yaml", cm.formatted(2))
                .same("replace -f " + d + "/cm.yaml")
                .sameObjects("get cm replaced -o yaml")
                .file(d + "/cm.yaml", cm.formatted(3))
                .same("replace -f " + d + "/cm.yaml --force")
                .sameObjects("get cm replaced -o yaml")
                .file(d + "/stale.yaml", cm.formatted(4).replace("name: replaced", "name: replaced\n  resourceVersion: \"1\""))
                .same("replace -f " + d + "/stale.yaml")
                .same("replace -f - --dry-run=server -o yaml", cm.formatted(5))
                .same("replace -f -", cm.formatted(6) + "foo: bar\n")
                .same("replace -f - --validate=false -o name", cm.formatted(7) + "foo: bar\n")
                .sameObjects("get cm replaced -o yaml")
                .assertNone();
    }

    @Test
    void taintAndCordon() {
        twins.differential(kubectl)
                .same("taint nodes node01 dedicated=web:NoSchedule")
                .same("taint nodes node01 dedicated=api:NoSchedule")
                .same("taint nodes node01 dedicated=api:NoSchedule --overwrite")
                .same("taint nodes node01 dedicated:NoSchedule-")
                .same("taint nodes node01 gone:NoSchedule-")
                .same("taint nodes -l kubernetes.io/hostname=node02 spot=true:PreferNoSchedule")
                .sameObjects("get node node01 node02 -o jsonpath={.items[*].spec.taints}")
                .same("cordon node02")
                .same("cordon node02")
                .same("cordon node02 --dry-run=server")
                .same("uncordon node02")
                .same("uncordon node02")
                .sameObjects("get nodes")
                .assertNone();
    }
}
