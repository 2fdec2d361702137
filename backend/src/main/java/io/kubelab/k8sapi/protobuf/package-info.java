/**
 * Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}), which kubectl 1.32 sends for
 * {@code create <generator>}, {@code create token}, {@code autoscale}, {@code debug}, {@code certificate approve}, {@code auth can-i} and {@code auth
 * whoami} (drain's evictions go as JSON).
 *
 * <p>{@link io.kubelab.k8sapi.protobuf.KubeProtobuf#decode} reads the {@code k8s\0} prefix and the
 * {@code runtime.Unknown} envelope, finds the kind's message among client-java-proto's generated descriptors
 * ({@code DescriptorIndex}), parses the raw bytes as a {@code DynamicMessage}, and writes the JSON tree that Go's
 * encoding/json writes for the Go struct gogo-protobuf would have unmarshalled ({@code JsonTreeWriter}). Protobuf
 * does not say which Go fields are pointers, which are tagged omitempty, or which structs are embedded inline, and
 * those decide the zero values in the JSON (a {@code replicas: 0} kept, a {@code generateName: ""} dropped), so
 * those facts come from the Go sources, transcribed once into {@code go-json-fields.txt} ({@code GoFieldTable}).
 * The apimachinery types with their own JSON (Time, MicroTime, Duration, IntOrString, Quantity, RawExtension,
 * FieldsV1, ExtraValue) are in {@code GoValues}. Errors are the serializer's words ({@link
 * io.kubelab.k8sapi.protobuf.ProtobufBodyException}). {@link io.kubelab.k8sapi.protobuf.KubeProtobuf#encode} is the
 * inverse ({@code MessageEncoder}): the bytes gogo-protobuf writes for the same Go struct.
 */
package io.kubelab.k8sapi.protobuf;
