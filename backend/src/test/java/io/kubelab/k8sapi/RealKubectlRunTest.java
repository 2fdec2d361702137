package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kubectl run with the real kubectl 1.32 against our API, and our terminal's kubectl, on twin clusters. */
class RealKubectlRunTest {

    private static TwinHarnesses twins;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        twins = new TwinHarnesses();
    }

    @AfterAll
    static void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @Test
    void runMatchesTheTerminal() {
        Differential diff = twins.differential(kubectl);
        diff.same("run web --image=nginx --port=80 --labels=app=web,tier=front --env=A=1 --env=B=two")
                .sameObjects("get pod web -o yaml")
                .same("run sleeper --image=busybox --restart=Never --command -- sleep 3600")
                .sameObjects("get pod sleeper -o yaml")
                .same("run args --image=busybox -- echo hello world")
                .sameObjects("get pod args -o yaml")
                .same("run dry --image=nginx --dry-run=client -o yaml")
                .same("run dry --image=nginx --dry-run=server -o yaml")
                .same("get pod dry")
                .same("run exposed --image=nginx --port=8080 --expose")
                .sameObjects("get pod,svc exposed -o yaml")
                .same("run web --image=nginx")
                .same("run bad --image=nginx --restart=Sometimes")
                .same("run noimage")
                .same("run envs --image=nginx --env=X=1 --annotations=team=a --image-pull-policy=IfNotPresent -o name")
                .sameObjects("get pod envs -o yaml");
        diff.assertNone();
    }
}
