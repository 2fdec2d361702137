package io.kubelab.k8sapi.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every message of the generated Kubernetes protobuf files in {@code io.kubernetes:client-java-proto}, by descriptor
 * full name, and the kind lookup of the protobuf serializer: {@code apps/v1 Deployment} is the message
 * {@code k8s.io.api.apps.v1.Deployment}. Built once per JVM on first use (the holder idiom makes it thread-safe).
 */
final class DescriptorIndex {

    /** The outer classes of client-java-proto 27.0.0, each holding one generated.proto's file descriptor. */
    private static final List<String> FILE_CLASSES = List.of("IntStr", "Meta", "Resource", "Runtime",
            "RuntimeSchema", "V1", "V1Admission", "V1Admissionregistration", "V1Apiextensions", "V1Apps",
            "V1Authentication", "V1Authorization", "V1Autoscaling", "V1Batch", "V1Certificates", "V1Coordination",
            "V1Discovery", "V1Events", "V1Flowcontrol", "V1Networking", "V1Node", "V1Policy", "V1Rbac",
            "V1Resource", "V1Scheduling", "V1Storage", "V1alpha1Apiserverinternal", "V1alpha1Imagepolicy",
            "V1alpha1Rbac", "V1alpha1Scheduling", "V1beta1Admission", "V1beta1Admissionregistration",
            "V1beta1Apiextensions", "V1beta1Apps", "V1beta1Authentication", "V1beta1Authorization", "V1beta1Batch",
            "V1beta1Certificates", "V1beta1Extensions", "V1beta1Policy", "V1beta1Rbac", "V1beta1Storage",
            "V1beta1Storagemigration", "V1beta2Apps", "V2Apidiscovery", "V2Autoscaling", "V2beta1Apidiscovery",
            "V2beta1Autoscaling", "V2beta2Autoscaling");
    private static final String CLASS_PACKAGE = "io.kubernetes.client.proto.";

    /** API groups whose proto package is not {@code k8s.io.api.<first label of the group>}. */
    private static final Map<String, String> GROUP_PACKAGES = Map.of(
            "", "k8s.io.api.core",
            "internal.apiserver.k8s.io", "k8s.io.api.apiserverinternal",
            "apiextensions.k8s.io", "k8s.io.apiextensions-apiserver.pkg.apis.apiextensions",
            "meta.k8s.io", "k8s.io.apimachinery.pkg.apis.meta");
    private static final String META_PACKAGE = "k8s.io.apimachinery.pkg.apis.meta.";
    /** meta/v1 kinds that Kubernetes registers in every group version (the options of requests). */
    private static final Set<String> META_KINDS = Set.of("DeleteOptions", "CreateOptions", "UpdateOptions",
            "PatchOptions", "GetOptions", "ListOptions", "Status", "WatchEvent");
    private static final Set<String> OBJECT_METADATA = Set.of(META_PACKAGE + "v1.ObjectMeta", META_PACKAGE + "v1.ListMeta");

    private final Map<String, Descriptor> messages;

    private DescriptorIndex(Map<String, Descriptor> messages) {
        this.messages = messages;
    }

    private static final class Holder {
        static final DescriptorIndex INSTANCE = build();
    }

    static DescriptorIndex get() {
        return Holder.INSTANCE;
    }

    private static DescriptorIndex build() {
        Map<String, Descriptor> messages = new HashMap<>(2048);
        for (String name : FILE_CLASSES) {
            FileDescriptor file = fileDescriptor(CLASS_PACKAGE + name);
            for (Descriptor d : file.getMessageTypes()) {
                add(messages, d);
            }
        }
        return new DescriptorIndex(Map.copyOf(messages));
    }

    private static FileDescriptor fileDescriptor(String className) {
        try {
            return (FileDescriptor) Class.forName(className).getMethod("getDescriptor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("client-java-proto: cannot load " + className, e);
        }
    }

    private static void add(Map<String, Descriptor> messages, Descriptor d) {
        messages.put(d.getFullName(), d);
        for (Descriptor nested : d.getNestedTypes()) {
            if (!nested.getOptions().getMapEntry()) {
                add(messages, nested);
            }
        }
    }

    Optional<Descriptor> message(String fullName) {
        return Optional.ofNullable(messages.get(fullName));
    }

    /**
     * The message of a registered kind: a type with object or list metadata in the group version's package, or one
     * of meta/v1's option kinds that every group version registers.
     */
    Optional<Descriptor> kind(String group, String version, String kind) {
        String pkg = GROUP_PACKAGES.get(group);
        if (pkg == null) {
            int dot = group.indexOf('.');
            pkg = "k8s.io.api." + (dot < 0 ? group : group.substring(0, dot));
        }
        Descriptor d = messages.get(pkg + "." + version + "." + kind);
        if (d != null && isObject(d)) {
            return Optional.of(d);
        }
        if (META_KINDS.contains(kind)) {
            return Optional.ofNullable(messages.get(META_PACKAGE + "v1." + kind));
        }
        return Optional.empty();
    }

    private static boolean isObject(Descriptor d) {
        FieldDescriptor metadata = d.findFieldByName("metadata");
        return metadata != null && metadata.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && OBJECT_METADATA.contains(metadata.getMessageType().getFullName());
    }

    Iterable<Descriptor> all() {
        return messages.values();
    }
}
