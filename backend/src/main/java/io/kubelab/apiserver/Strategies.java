package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;

import java.util.Map;
import java.util.Set;

/** The strategy of every served resource; kinds without special rules share the plain one. */
final class Strategies {

    private static final Strategy PLAIN = new Strategy() {
    };

    /** Kinds whose spec changes are counted in {@code metadata.generation}. */
    private static final Strategy GENERATIONAL = new Strategy() {
        @Override
        public boolean tracksGeneration() {
            return true;
        }
    };

    /** Deployments count annotation changes too: that is how a rollout restart or a change-cause starts a rollout. */
    private static final Strategy DEPLOYMENTS = new Strategy() {
        @Override
        public boolean tracksGeneration() {
            return true;
        }

        @Override
        public boolean generationChanged(ObjectNode updated, ObjectNode old) {
            return Strategy.super.generationChanged(updated, old)
                    || !updated.path("metadata").path("annotations").equals(old.path("metadata").path("annotations"));
        }
    };

    private static final Strategy REPLICA_SETS = new Strategy() {
        @Override
        public boolean tracksGeneration() {
            return true;
        }

        @Override
        public Set<String> extraFields() {
            return Set.of("status.replicas");
        }
    };

    private static final Strategy SECRETS = new Strategy() {
        @Override
        public Set<String> extraFields() {
            return Set.of("type");
        }
    };

    private static final Strategy NODES = new Strategy() {
        @Override
        public boolean resetsStatusOnCreate() {
            return false; // a kubelet registers its node with its status
        }

        @Override
        public Set<String> extraFields() {
            return Set.of("spec.unschedulable");
        }

        @Override
        public String field(ObjectNode object, String name) {
            return Boolean.toString(object.path("spec").path("unschedulable").asBoolean(false));
        }
    };

    private static final Strategy EVENTS = new Strategy() {
        @Override
        public Set<String> extraFields() {
            return Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type");
        }

        @Override
        public String field(ObjectNode object, String name) {
            return name.equals("source")
                    ? object.path("source").path("component").asText(object.path("reportingComponent").asText(""))
                    : Strategy.text(object, name);
        }
    };

    private static final Map<String, Strategy> BY_RESOURCE = Map.ofEntries(
            Map.entry("/pods", new PodStrategy()),
            Map.entry("/services", new ServiceStrategy()),
            Map.entry("/namespaces", new NamespaceStrategy()),
            Map.entry("/nodes", NODES),
            Map.entry("/secrets", SECRETS),
            Map.entry("/persistentvolumeclaims", VolumeStrategies.CLAIMS),
            Map.entry("/persistentvolumes", VolumeStrategies.VOLUMES),
            Map.entry("/events", EVENTS),
            Map.entry("events.k8s.io/events", EVENTS),
            Map.entry("apps/deployments", DEPLOYMENTS),
            Map.entry("apps/replicasets", REPLICA_SETS),
            Map.entry("apps/daemonsets", new DaemonSetStrategy()),
            Map.entry("apps/statefulsets", GENERATIONAL),
            Map.entry("batch/jobs", new JobStrategy()),
            Map.entry("batch/cronjobs", GENERATIONAL),
            Map.entry("autoscaling/horizontalpodautoscalers", GENERATIONAL),
            Map.entry("networking.k8s.io/ingresses", GENERATIONAL),
            Map.entry("networking.k8s.io/ingressclasses", GENERATIONAL),
            Map.entry("networking.k8s.io/networkpolicies", GENERATIONAL),
            Map.entry("policy/poddisruptionbudgets", new PodDisruptionBudgetStrategy()));

    private Strategies() {
    }

    static Strategy of(ResourceType type) {
        return BY_RESOURCE.getOrDefault(type.group() + "/" + type.resource(), PLAIN);
    }
}
