package io.kubelab.kubectl.mutate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A settled kubeadm cluster with a shell for the changing verbs' tests: objects created through the
 * API server from YAML, kubectl lines run through the shell, results read back through the API server.
 */
public final class VerbCluster {

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final YAMLMapper YAML = new YAMLMapper();

    public final SimCluster cluster;
    public final Shell shell;

    public VerbCluster(long seed) {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(T0), seed);
        shell = new Shell(cluster);
        settle();
    }

    public CommandResult run(String line) {
        return shell.execute(line);
    }

    /** Creates an object given as YAML through the API server, as the admin. */
    public ObjectNode create(String yaml) {
        ObjectNode object;
        try {
            object = (ObjectNode) YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ResourceType type = ResourceTypes.of(object.path("apiVersion").asText(), object.path("kind").asText());
        String ns = type.namespaced() ? object.path("metadata").path("namespace").asText("default") : "";
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, type, ns, "")
                .withBody(object)).body();
    }

    /** The object as the API server has it now, if any. */
    public Optional<ObjectNode> get(String apiVersion, String kind, String namespace, String name) {
        try {
            return Optional.of(cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET,
                    ResourceTypes.of(apiVersion, kind), namespace, name)).body());
        } catch (StatusException e) {
            return Optional.empty();
        }
    }

    public void settle() {
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
    }

    public static String deployment(String name, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  labels: {app: %s}
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s}
                    spec:
                      containers:
                      - name: nginx
                        image: nginx:1.27
                """.formatted(name, name, replicas, name, name);
    }

    public static String pod(String name, String labels) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  labels: {%s}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                """.formatted(name, labels);
    }
}
