package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The RBAC objects a fresh kubeadm 1.32 cluster holds, as the API server returns them without the fields it adds
 * itself (uid, resourceVersion, creationTimestamp, managedFields). The API server's bootstrap roles and bindings
 * carry the {@code kubernetes.io/bootstrapping: rbac-defaults} label and the
 * {@code rbac.authorization.kubernetes.io/autoupdate: "true"} annotation; kubeadm's {@code kubeadm:*} bindings do
 * not. {@code admin}, {@code edit} and {@code view} come with the rules aggregation gives them.
 */
public final class BootstrapPolicy {

    private static final String RESOURCE = "bootstrap-policy.yaml";
    private static final Map<String, String> LABELS = Map.of("kubernetes.io/bootstrapping", "rbac-defaults");
    private static final Map<String, String> ANNOTATIONS = Map.of("rbac.authorization.kubernetes.io/autoupdate", "true");
    private static final BootstrapPolicy INSTANCE = load();

    private final List<ObjectNode> clusterRoles;
    private final List<ObjectNode> clusterRoleBindings;

    private BootstrapPolicy(List<ObjectNode> clusterRoles, List<ObjectNode> clusterRoleBindings) {
        this.clusterRoles = clusterRoles;
        this.clusterRoleBindings = clusterRoleBindings;
    }

    /** Fresh copies, safe to store or change. */
    public static List<ObjectNode> clusterRoles() {
        return INSTANCE.clusterRoles.stream().map(ObjectNode::deepCopy).toList();
    }

    public static List<ObjectNode> clusterRoleBindings() {
        return INSTANCE.clusterRoleBindings.stream().map(ObjectNode::deepCopy).toList();
    }

    public static Optional<ObjectNode> clusterRole(String name) {
        return clusterRoles().stream().filter(r -> name.equals(r.path("metadata").path("name").asText())).findFirst();
    }

    public static Optional<ObjectNode> clusterRoleBinding(String name) {
        return clusterRoleBindings().stream()
                .filter(b -> name.equals(b.path("metadata").path("name").asText())).findFirst();
    }

    /** The policy as an {@link RbacSource} with no namespaced objects: what a new cluster authorizes by. */
    public static RbacSource source() {
        return new InMemoryRbacSource(clusterRoles(), clusterRoleBindings(), List.of(), List.of());
    }

    private static BootstrapPolicy load() {
        JsonNode data;
        try (InputStream in = BootstrapPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            data = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ObjectNode> roles = new ArrayList<>();
        data.path("clusterRoles").forEach(r -> roles.add(withDefaultMetadata((ObjectNode) r)));
        List<ObjectNode> bindings = new ArrayList<>();
        for (JsonNode b : data.path("clusterRoleBindings")) {
            boolean kubeadm = b.path("metadata").path("name").asText().startsWith("kubeadm:");
            bindings.add(kubeadm ? (ObjectNode) b : withDefaultMetadata((ObjectNode) b));
        }
        return new BootstrapPolicy(ClusterRoleAggregation.aggregate(roles), List.copyOf(bindings));
    }

    /** policy.go's addDefaultMetadata; labels and annotations are maps, which the API server prints sorted. */
    private static ObjectNode withDefaultMetadata(ObjectNode object) {
        ObjectNode metadata = (ObjectNode) object.path("metadata");
        ObjectNode rebuilt = JsonNodeFactory.instance.objectNode();
        rebuilt.put("name", metadata.path("name").asText());
        rebuilt.set("labels", sortedMerge(metadata.path("labels"), LABELS));
        rebuilt.set("annotations", sortedMerge(metadata.path("annotations"), ANNOTATIONS));
        object.set("metadata", rebuilt);
        return object;
    }

    private static ObjectNode sortedMerge(JsonNode existing, Map<String, String> extra) {
        TreeMap<String, String> merged = new TreeMap<>(extra);
        existing.properties().forEach(e -> merged.put(e.getKey(), e.getValue().asText()));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        merged.forEach(out::put);
        return out;
    }
}
