package io.kubelab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every resource a sandbox's API server serves, as Kubernetes 1.32 describes them in discovery (short
 * names, categories, verbs and subresources copied from a kubeadm cluster's {@code /api} and
 * {@code /apis}). The order is discovery's: core first, then groups by priority.
 */
public final class ResourceTypes {

    private static final List<String> CREATE = List.of("create");
    private static final List<String> GET_LIST = List.of("get", "list");
    private static final List<String> NO_DELETE_COLLECTION =
            List.of("create", "delete", "get", "list", "patch", "update", "watch");

    private static final List<ResourceType> ALL = List.of(
            t("", "v1", "ConfigMap", "configmaps", true, "cm", "", ""),
            t("", "v1", "Endpoints", "endpoints", true, "ep", "", ""),
            t("", "v1", "Event", "events", true, "ev", "", ""),
            t("", "v1", "LimitRange", "limitranges", true, "limits", "", ""),
            new ResourceType("", "v1", "Namespace", "namespaces", "namespace", false, List.of("ns"), List.of(),
                    NO_DELETE_COLLECTION, List.of("finalize", "status")),
            t("", "v1", "Node", "nodes", false, "no", "", "proxy,status"),
            t("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc", "", "status"),
            t("", "v1", "PersistentVolume", "persistentvolumes", false, "pv", "", "status"),
            t("", "v1", "Pod", "pods", true, "po", "all",
                    "attach,binding,ephemeralcontainers,eviction,exec,log,portforward,proxy,resize,status"),
            t("", "v1", "ResourceQuota", "resourcequotas", true, "quota", "", "status"),
            t("", "v1", "Secret", "secrets", true, "", "", ""),
            t("", "v1", "ServiceAccount", "serviceaccounts", true, "sa", "", "token"),
            new ResourceType("", "v1", "Service", "services", "service", true, List.of("svc"), List.of("all"),
                    NO_DELETE_COLLECTION, List.of("proxy", "status")),
            t("apps", "v1", "ControllerRevision", "controllerrevisions", true, "", "", ""),
            t("apps", "v1", "DaemonSet", "daemonsets", true, "ds", "all", "status"),
            t("apps", "v1", "Deployment", "deployments", true, "deploy", "all", "scale,status"),
            t("apps", "v1", "ReplicaSet", "replicasets", true, "rs", "all", "scale,status"),
            t("apps", "v1", "StatefulSet", "statefulsets", true, "sts", "all", "scale,status"),
            t("events.k8s.io", "v1", "Event", "events", true, "ev", "", ""),
            create("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews", false),
            create("authentication.k8s.io", "TokenReview", "tokenreviews", false),
            create("authorization.k8s.io", "LocalSubjectAccessReview", "localsubjectaccessreviews", true),
            create("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false),
            create("authorization.k8s.io", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false),
            create("authorization.k8s.io", "SubjectAccessReview", "subjectaccessreviews", false),
            t("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa", "all", "status"),
            t("batch", "v1", "CronJob", "cronjobs", true, "cj", "all", "status"),
            t("batch", "v1", "Job", "jobs", true, "", "all", "status"),
            t("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, "", "", ""),
            t("networking.k8s.io", "v1", "Ingress", "ingresses", true, "ing", "", "status"),
            t("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, "netpol", "", ""),
            t("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, "pdb", "", "status"),
            t("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, "", "", ""),
            t("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, "", "", ""),
            t("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, "", "", ""),
            t("rbac.authorization.k8s.io", "v1", "Role", "roles", true, "", "", ""),
            t("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, "sc", "", ""),
            t("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, "pc", "", ""),
            t("coordination.k8s.io", "v1", "Lease", "leases", true, "", "", ""),
            t("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true, "", "", ""),
            t("apiregistration.k8s.io", "v1", "APIService", "apiservices", false, "", "api-extensions", "status"),
            // Served by metrics-server through the aggregation layer: read-only.
            new ResourceType("metrics.k8s.io", "v1beta1", "NodeMetrics", "nodes", "", false, List.of(), List.of(),
                    GET_LIST, List.of()),
            new ResourceType("metrics.k8s.io", "v1beta1", "PodMetrics", "pods", "", true, List.of(), List.of(),
                    GET_LIST, List.of()));

    /**
     * Versions served beside a group's preferred (stored) one and converted to it, as kube-apiserver 1.32
     * serves autoscaling/v1 beside autoscaling/v2. Discovery lists them after the preferred version; kubectl
     * resolves a bare name to the preferred version only, so they are not in {@link #all()}.
     */
    private static final List<ResourceType> OTHER_VERSIONS = List.of(
            t("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa", "all", "status"));

    private static final List<ResourceType> SERVED = served(ALL, OTHER_VERSIONS);

    private static final Map<String, ResourceType> BY_GROUP_RESOURCE = new HashMap<>();
    private static final Map<String, ResourceType> BY_GROUP_VERSION_RESOURCE = new HashMap<>();
    private static final Map<String, ResourceType> BY_API_VERSION_KIND = new HashMap<>();

    static {
        for (ResourceType type : SERVED) {
            BY_GROUP_VERSION_RESOURCE.put(type.apiVersion() + "/" + type.resource(), type);
            BY_API_VERSION_KIND.put(type.apiVersion() + "/" + type.kind(), type);
        }
        for (ResourceType type : ALL) {
            BY_GROUP_RESOURCE.putIfAbsent(type.group() + "/" + type.resource(), type);
        }
    }

    /** Every group version's types, a group's versions together in priority order (preferred first). */
    private static List<ResourceType> served(List<ResourceType> preferred, List<ResourceType> others) {
        List<ResourceType> out = new ArrayList<>();
        for (ResourceType type : preferred) {
            out.add(type);
            for (ResourceType other : others) {
                if (other.group().equals(type.group()) && other.kind().equals(type.kind())) {
                    out.add(other);
                }
            }
        }
        return List.copyOf(out);
    }

    private ResourceTypes() {
    }

    public static List<ResourceType> all() {
        return ALL;
    }

    /**
     * Every served type in every served version (a group's preferred version first): what discovery, the
     * OpenAPI documents and the request paths serve.
     */
    public static List<ResourceType> served() {
        return SERVED;
    }

    /** The type a request path names, in that path's version. */
    public static Optional<ResourceType> byGroupVersionResource(String group, String version, String resource) {
        return Optional.ofNullable(BY_GROUP_VERSION_RESOURCE.get(
                (group.isEmpty() ? version : group + "/" + version) + "/" + resource));
    }

    /** The preferred version's type of a group's resource. */
    public static Optional<ResourceType> byGroupResource(String group, String resource) {
        return Optional.ofNullable(BY_GROUP_RESOURCE.get(group + "/" + resource));
    }

    public static Optional<ResourceType> byKind(String apiVersion, String kind) {
        return Optional.ofNullable(BY_API_VERSION_KIND.get(apiVersion + "/" + kind));
    }

    /** The core or grouped type a pod, deployment... is stored as: {@code byKind} that must exist. */
    public static ResourceType of(String apiVersion, String kind) {
        return byKind(apiVersion, kind).orElseThrow(() ->
                new IllegalArgumentException("no resource type for " + apiVersion + ", Kind=" + kind));
    }

    /**
     * Every type a user's word can mean, as kubectl's RESTMapper resolves it: plural, singular, kind or
     * short name, case-insensitively, optionally qualified by group ({@code deployments.apps}).
     */
    public static List<ResourceType> lookup(String word) {
        List<ResourceType> found = SPELLINGS.get(word.toLowerCase(Locale.ROOT));
        return found == null ? List.of() : found;
    }

    /**
     * Every spelling of every type (plural, singular, kind, short names; bare, with the group, and with
     * version and group) to the types it means, in discovery order; built once, as lookups are per command.
     * Empty names (the metrics kinds have no singular) spell nothing.
     */
    private static final java.util.Map<String, List<ResourceType>> SPELLINGS = spellings();

    private static java.util.Map<String, List<ResourceType>> spellings() {
        java.util.Map<String, List<ResourceType>> out = new java.util.HashMap<>();
        for (ResourceType type : ALL) {
            java.util.Set<String> spelled = new java.util.LinkedHashSet<>();
            for (String name : names(type)) {
                if (name.isEmpty()) {
                    continue;
                }
                spelled.add(name);
                spelled.add(name + "." + type.group());
                spelled.add(name + "." + type.version() + "." + type.group());
            }
            for (String spelling : spelled) {
                out.computeIfAbsent(spelling, k -> new ArrayList<>()).add(type);
            }
        }
        // Another version is only spelled with its version (horizontalpodautoscalers.v1.autoscaling), and only
        // by its names: kubectl 1.32 expands a short name from the preferred versions' resources, so
        // hpa.v1.autoscaling reads autoscaling/v2, as the real kubectl does.
        for (ResourceType type : OTHER_VERSIONS) {
            ResourceType preferred = BY_GROUP_RESOURCE.get(type.group() + "/" + type.resource());
            for (String name : new java.util.LinkedHashSet<>(names(type))) {
                String spelling = name + "." + type.version() + "." + type.group();
                out.computeIfAbsent(spelling, k -> new ArrayList<>())
                        .add(type.shortNames().contains(name) ? preferred : type);
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Map.copyOf(out);
    }

    private static List<String> names(ResourceType type) {
        List<String> names = new ArrayList<>(List.of(type.resource(), type.singular(),
                type.kind().toLowerCase(Locale.ROOT)));
        names.addAll(type.shortNames());
        return names;
    }

    private static ResourceType t(String group, String version, String kind, String resource, boolean namespaced,
                                  String shortNames, String categories, String subresources) {
        return new ResourceType(group, version, kind, resource, kind.toLowerCase(Locale.ROOT), namespaced,
                split(shortNames), split(categories), ResourceType.ALL_VERBS, split(subresources));
    }

    private static ResourceType create(String group, String kind, String resource, boolean namespaced) {
        return new ResourceType(group, "v1", kind, resource, kind.toLowerCase(Locale.ROOT), namespaced, List.of(),
                List.of(), CREATE, List.of());
    }

    private static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
