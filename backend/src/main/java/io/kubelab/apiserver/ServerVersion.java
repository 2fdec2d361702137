package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code GET /version} answers: the build of Kubernetes 1.32 the simulated kube-apiserver is, the
 * release kubeadm installs on the nodes (v1.32.2), with that release's commit and Go version.
 */
public final class ServerVersion {

    public static final String GIT_VERSION = "v1.32.2";
    public static final String GIT_COMMIT = "67a30c0adcf52bd3f56ff0893ce19966be12991f";
    public static final String GO_VERSION = "go1.23.6";

    private ServerVersion() {
    }

    /** The {@code version.Info} document; the client and the server builds differ only in their build dates. */
    public static ObjectNode info(String buildDate) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("major", "1").put("minor", "32").put("gitVersion", GIT_VERSION).put("gitCommit", GIT_COMMIT)
                .put("gitTreeState", "clean").put("buildDate", buildDate).put("goVersion", GO_VERSION)
                .put("compiler", "gc").put("platform", "linux/amd64");
        return out;
    }

    public static ObjectNode server() {
        return info("2025-02-12T21:19:47Z");
    }
}
