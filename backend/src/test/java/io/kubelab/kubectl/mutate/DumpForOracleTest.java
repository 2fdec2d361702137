package io.kubelab.kubectl.mutate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/** Throwaway: dumps objects for the stub server. */
class DumpForOracleTest {
    @Test
    void dump() throws Exception {
        VerbCluster c = new VerbCluster(5);
        c.create(VerbCluster.deployment("web", 2));
        c.settle();
        ObjectMapper m = new ObjectMapper();
        Path root = Path.of("/tmp/vb/objs");
        write(m, root.resolve("apis/apps/v1/namespaces/default/deployments/web.json"), c.get("apps/v1", "Deployment", "default", "web").orElseThrow());
        write(m, root.resolve("api/v1/nodes/node01.json"), c.get("v1", "Node", "", "node01").orElseThrow());
        var pods = c.cluster.api().peekAll(io.kubelab.model.ResourceTypes.of("v1", "Pod"), "default");
        for (ObjectNode p : pods) {
            p.put("apiVersion", "v1").put("kind", "Pod");
            write(m, root.resolve("api/v1/namespaces/default/pods/" + p.path("metadata").path("name").asText() + ".json"), p);
        }
    }

    private static void write(ObjectMapper m, Path p, ObjectNode o) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, m.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    }
}
