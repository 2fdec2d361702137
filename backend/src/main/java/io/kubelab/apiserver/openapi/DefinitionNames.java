package io.kubelab.apiserver.openapi;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI definition name ({@code io.k8s.api.core.v1.PodSpec}) of a Java client model class
 * ({@code V1PodSpec}). The client drops the Go package from its class names, so it is recovered here: the
 * apimachinery meta types by name, group-prefixed classes ({@code CoreV1Event}) by their prefix, and the rest
 * by where fabric8's model (one Java package per API group) declares the same type: a type the group's own
 * package lacks but the core package has ({@code PodTemplateSpec} reached from a Deployment) is core's.
 */
final class DefinitionNames {

    static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    static final String TIME = META + "Time";
    static final String MICRO_TIME = META + "MicroTime";
    static final String PATCH = META + "Patch";
    static final String FIELDS_V1 = META + "FieldsV1";
    static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";

    private static final Pattern CLASS_NAME =
            Pattern.compile("^([A-Z][a-z]+)?(V\\d+(?:(?:alpha|beta)\\d+)?)([A-Z].*)$");

    private static final Set<String> META_TYPES = Set.of("ObjectMeta", "ListMeta", "LabelSelector",
            "LabelSelectorRequirement", "OwnerReference", "ManagedFieldsEntry", "Condition", "DeleteOptions",
            "Preconditions", "Status", "StatusDetails", "StatusCause", "WatchEvent");

    /** The API group behind a client class-name prefix ({@code CoreV1Event}, {@code RbacV1Subject}). */
    private static final Map<String, String> PREFIX_GROUPS = Map.of(
            "Core", "", "Events", "events.k8s.io", "Discovery", "discovery.k8s.io",
            "Rbac", "rbac.authorization.k8s.io", "Storage", "storage.k8s.io",
            "Authentication", "authentication.k8s.io", "Apiregistration", "apiregistration.k8s.io");

    private static final String FABRIC8 = "io/fabric8/kubernetes/api/model/";

    /** Where fabric8 keeps each API group's classes (as in {@code apiserver.schema.Schemas}). */
    private static final Map<String, String> FABRIC8_PACKAGES = Map.ofEntries(
            Map.entry("", FABRIC8),
            Map.entry("apps", FABRIC8 + "apps/"),
            Map.entry("batch", FABRIC8 + "batch/v1/"),
            Map.entry("autoscaling", FABRIC8 + "autoscaling/v2/"),
            Map.entry("events.k8s.io", FABRIC8 + "events/v1/"),
            Map.entry("networking.k8s.io", FABRIC8 + "networking/v1/"),
            Map.entry("policy", FABRIC8 + "policy/v1/"),
            Map.entry("rbac.authorization.k8s.io", FABRIC8 + "rbac/"),
            Map.entry("storage.k8s.io", FABRIC8 + "storage/"),
            Map.entry("scheduling.k8s.io", FABRIC8 + "scheduling/v1/"),
            Map.entry("coordination.k8s.io", FABRIC8 + "coordination/v1/"),
            Map.entry("discovery.k8s.io", FABRIC8 + "discovery/v1/"));

    private DefinitionNames() {
    }

    /** The Go package of a group's types: {@code io.k8s.api.apps.v1}. */
    static String groupPackage(String group, String version) {
        if (group.isEmpty()) {
            return "io.k8s.api.core." + version;
        }
        if (group.equals("apiregistration.k8s.io")) {
            return "io.k8s.kube-aggregator.pkg.apis.apiregistration." + version;
        }
        int dot = group.indexOf('.');
        return "io.k8s.api." + (dot < 0 ? group : group.substring(0, dot)) + "." + version;
    }

    /** The definition name of a client model class reached from a type of {@code group}. */
    static String of(String modelClass, String group) {
        Matcher m = CLASS_NAME.matcher(modelClass);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a client model class name: " + modelClass);
        }
        String version = m.group(2).toLowerCase(Locale.ROOT);
        String type = m.group(3);
        if (m.group(1) != null) {
            String prefixed = PREFIX_GROUPS.get(m.group(1));
            if (prefixed == null) {
                throw new IllegalArgumentException("unknown client group prefix in " + modelClass);
            }
            return groupPackage(prefixed, version) + "." + type;
        }
        if (META_TYPES.contains(type)) {
            return META + type;
        }
        return groupPackage(owningGroup(type, group), version) + "." + type;
    }

    /**
     * A group without a fabric8 package (the review kinds, APIService) reaches no core type: fabric8's core
     * package holds some of their namesakes ({@code APIService}), so it is not asked.
     */
    private static String owningGroup(String type, String group) {
        String own = FABRIC8_PACKAGES.get(group);
        if (own == null || group.isEmpty() || exists(own + type)) {
            return group;
        }
        return exists(FABRIC8 + type) ? "" : group;
    }

    private static boolean exists(String classPath) {
        return DefinitionNames.class.getClassLoader().getResource(classPath + ".class") != null;
    }
}
