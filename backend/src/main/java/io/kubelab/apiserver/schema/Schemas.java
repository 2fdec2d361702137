package io.kubelab.apiserver.schema;

import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Go struct of every served kind, built once per JVM (on first use) from fabric8's model classes
 * and shared, immutable, by every sandbox. The review kinds of {@code authentication.k8s.io} and
 * {@code authorization.k8s.io} have none: their fabric8 modules are not available to the build.
 */
public final class Schemas {

    private static final String MODEL = "io.fabric8.kubernetes.api.model";

    /** Where fabric8 keeps each API group's classes. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("", MODEL),
            Map.entry("apps", MODEL + ".apps"),
            Map.entry("batch", MODEL + ".batch.v1"),
            Map.entry("autoscaling", MODEL + ".autoscaling.v2"),
            Map.entry("events.k8s.io", MODEL + ".events.v1"),
            Map.entry("networking.k8s.io", MODEL + ".networking.v1"),
            Map.entry("policy", MODEL + ".policy.v1"),
            Map.entry("rbac.authorization.k8s.io", MODEL + ".rbac"),
            Map.entry("storage.k8s.io", MODEL + ".storage"),
            Map.entry("scheduling.k8s.io", MODEL + ".scheduling.v1"),
            Map.entry("coordination.k8s.io", MODEL + ".coordination.v1"),
            Map.entry("discovery.k8s.io", MODEL + ".discovery.v1"));

    /** Versions served beside the preferred one, whose classes live in another package. */
    private static final Map<String, String> VERSION_PACKAGES = Map.of("autoscaling/v1", MODEL + ".autoscaling.v1");

    private Schemas() {
    }

    /** The root struct of a kind ({@code Pod}, {@code Deployment}), if its model is known. */
    public static Optional<GoType.Struct> of(ResourceType type) {
        return Optional.ofNullable(Holder.ROOTS.get(key(type)));
    }

    /** How many distinct Go structs the served kinds reach. */
    public static int structCount() {
        return Holder.STRUCTS;
    }

    private static String key(ResourceType type) {
        return type.apiVersion() + "/" + type.kind();
    }

    /** Lazily built: the JVM's class initialisation makes the one-time reflection thread-safe. */
    private static final class Holder {
        static final Map<String, GoType.Struct> ROOTS;
        static final int STRUCTS;

        static {
            SchemaReader reader = new SchemaReader();
            Map<String, GoType.Struct> roots = new HashMap<>();
            for (ResourceType type : ResourceTypes.served()) {
                String pkg = VERSION_PACKAGES.getOrDefault(type.apiVersion(), PACKAGES.get(type.group()));
                if (pkg == null) {
                    continue;
                }
                try {
                    roots.put(key(type), reader.struct(Class.forName(pkg + "." + type.kind())));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("no fabric8 model class for " + key(type), e);
                }
            }
            ROOTS = Map.copyOf(roots);
            STRUCTS = reader.structCount();
        }
    }
}
