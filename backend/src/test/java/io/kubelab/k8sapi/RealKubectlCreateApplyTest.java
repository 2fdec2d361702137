package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * create -f and apply -f (files, folders, stdin, several documents, a List) with the real kubectl 1.32 against
 * our API, and our terminal's kubectl, on twin clusters: the same answers, the same objects.
 */
class RealKubectlCreateApplyTest {

    private static final String DEPLOY = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
              labels:
                app: %s
            spec:
              replicas: %d
              selector:
                matchLabels:
                  app: %s
              template:
                metadata:
                  labels:
                    app: %s
                spec:
                  containers:
                  - name: main
                    image: %s
                    ports:
                    - containerPort: 80
            """;
    private static final String CONFIGS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: one
            data:
              a: "1"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: two
            data:
              b: "2"
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: three
            stringData:
              c: "3"
            """;
    private static final String LIST = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ServiceAccount
              metadata:
                name: robot
            - apiVersion: v1
              kind: Service
              metadata:
                name: listed
              spec:
                selector:
                  app: listed
                ports:
                - port: 80
                  targetPort: 8080
            """;
    private static final String UNKNOWN_FIELD = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: strict
            data:
              a: "1"
            foo: bar
            """;

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

    private static String deploy(String name, int replicas, String image) {
        return DEPLOY.formatted(name, name, replicas, name, name, image);
    }

    @Test
    void createFromFilesFoldersAndStdin() {
        String d = twins.dir + "/create";
        Differential diff = twins.differential(kubectl);
        diff.file(d + "/deploy.yaml", deploy("made", 2, "nginx:1.27"))
                .file(d + "/configs.yaml", CONFIGS)
                .file(d + "/list.yaml", LIST)
                .file(d + "/strict.yaml", UNKNOWN_FIELD)
                .file(d + "/folder/a.yaml", deploy("folder-a", 1, "nginx"))
                .file(d + "/folder/b.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"folder-b\"}}\n")
                .same("create -f " + d + "/deploy.yaml")
                .sameObjects("get deploy made -o yaml")
                .same("create -f " + d + "/deploy.yaml")
                .same("create -f " + d + "/configs.yaml")
                .sameObjects("get cm one two -o yaml")
                // A List is validated client-side with OpenAPI v2 (protobuf), which we do not serve: --validate=false.
                .same("create -f " + d + "/list.yaml --validate=false")
                .sameObjects("get sa robot -o yaml")
                .sameObjects("get svc listed -o yaml")
                .same("create -f " + d + "/folder")
                .same("create -f -", deploy("piped", 1, "busybox"))
                .same("create -f " + d + "/strict.yaml")
                .same("create -f " + d + "/strict.yaml --validate=false")
                .same("create -f " + d + "/strict.yaml --validate=warn -o name --dry-run=server")
                .same("create -f " + d + "/missing.yaml")
                .same("create -f - -o yaml --dry-run=server", deploy("dry", 1, "busybox"))
                .same("get deploy dry");
        diff.assertNone();
    }

    @Test
    void applyCreatesConfiguresAndLeavesUnchanged() {
        String d = twins.dir + "/apply";
        Differential diff = twins.differential(kubectl);
        diff.file(d + "/web.yaml", deploy("applied", 1, "nginx:1.27"))
                .file(d + "/many.yaml", CONFIGS.replace("name: one", "name: a-one").replace("name: two", "name: a-two")
                        .replace("name: three", "name: a-three"))
                .same("apply -f " + d + "/web.yaml")
                .same("apply -f " + d + "/web.yaml")
                .sameObjects("get deploy applied -o yaml")
                .file(d + "/web.yaml", deploy("applied", 3, "nginx:1.28"))
                .same("apply -f " + d + "/web.yaml --dry-run=server")
                .sameObjects("get deploy applied -o yaml")
                .same("apply -f " + d + "/web.yaml")
                .sameObjects("get deploy applied -o yaml")
                .same("apply -f " + d + "/many.yaml")
                .same("apply -f " + d + "/many.yaml -o name")
                .sameObjects("get cm a-one a-two -o yaml")
                .same("apply -f -", deploy("applied-stdin", 1, "busybox"))
                .same("apply -f - --dry-run=client -o yaml", deploy("applied-client", 1, "busybox"))
                .file(d + "/strict.yaml", UNKNOWN_FIELD.replace("strict", "applied-strict"))
                .same("apply -f " + d + "/strict.yaml")
                .same("apply -f " + d + "/strict.yaml --validate=warn");
        diff.assertNone();
    }
}
