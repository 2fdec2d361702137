package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl apply --server-side} with the real kubectl 1.32 against our API (application/apply-patch+yaml,
 * field managers, conflicts, force) and our terminal's, on twin clusters: the same lines, the same answers, the
 * same objects and managed fields left behind.
 */
class RealKubectlServerSideApplyTest {

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
    void applyConflictAndForceMatchTheRealKubectl() {
        String file = twins.dir + "/web.yaml";
        String web = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:IMAGE
                """;
        twins.differential(kubectl)
                .file(file, web.replace("IMAGE", "1.26"))
                .same("apply --server-side -f " + file)
                .same("apply --server-side -f " + file)
                .sameObjects("get deploy web -o jsonpath={.spec.template.spec.containers[0].image}")
                .same("scale deploy web --replicas=5")
                .file(file, web.replace("IMAGE", "1.27"))
                .same("apply --server-side -f " + file)
                .same("apply --server-side --field-manager=ci -f " + file)
                .same("apply --server-side --force-conflicts -f " + file)
                .same("apply --server-side --dry-run=server -f " + file)
                .sameObjects("get deploy web -o jsonpath={.spec.replicas}/{.spec.template.spec.containers[0].image}")
                .sameObjects("get deploy web -o jsonpath={.metadata.managedFields[*].manager}")
                .sameObjects("get deploy web -o jsonpath={.metadata.managedFields[*].operation}")
                .assertNone();
    }
}
