package io.kubelab.k8sapi.protobuf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.kubelab.k8sapi.protobuf.Bodies.envelope;
import static io.kubelab.k8sapi.protobuf.Bodies.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Objects kubectl does not create but clients send, the apimachinery types, and every refusal's words. */
class KubeProtobufTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String META = "apimachinery.pkg.apis.meta.v1.";

    private static String decode(byte[] body) throws IOException {
        return JSON.writeValueAsString(KubeProtobuf.decode(body));
    }

    private static DynamicMessage meta(Object... fields) {
        return message(META + "ObjectMeta", fields);
    }

    /** The Eviction kubectl drain sends (as JSON; here its protobuf form) decodes to the same object. */
    @Test
    void evictionAsDrainSendsIt() throws IOException {
        DynamicMessage eviction = message("api.policy.v1.Eviction",
                "metadata", meta("name", "web-1", "namespace", "default"),
                "deleteOptions", message(META + "DeleteOptions"));
        assertEquals("{\"kind\":\"Eviction\",\"apiVersion\":\"policy/v1\",\"metadata\":{\"name\":\"web-1\","
                        + "\"namespace\":\"default\",\"creationTimestamp\":null},\"deleteOptions\":{}}",
                decode(envelope("policy/v1", "Eviction", eviction)));
    }

    @Test
    void evictionWithGracePeriodAndDryRun() throws IOException {
        DynamicMessage eviction = message("api.policy.v1.Eviction",
                "metadata", meta("name", "web-1", "namespace", "default"),
                "deleteOptions", message(META + "DeleteOptions", "gracePeriodSeconds", 0L, "dryRun", List.of("All")));
        assertEquals("{\"kind\":\"Eviction\",\"apiVersion\":\"policy/v1\",\"metadata\":{\"name\":\"web-1\","
                        + "\"namespace\":\"default\",\"creationTimestamp\":null},"
                        + "\"deleteOptions\":{\"gracePeriodSeconds\":0,\"dryRun\":[\"All\"]}}",
                decode(envelope("policy/v1", "Eviction", eviction)));
    }

    /** Times, quantities, int-or-strings, inline structs, raw JSON, pointers to false and zero. */
    @Test
    void podWithTheApimachineryTypes() throws IOException {
        Map<String, DynamicMessage> limits = new LinkedHashMap<>();
        limits.put("memory", message("apimachinery.pkg.api.resource.Quantity", "string", "1024Mi"));
        limits.put("cpu", message("apimachinery.pkg.api.resource.Quantity", "string", "1000m"));
        DynamicMessage container = message("api.core.v1.Container", "name", "app", "image", "nginx",
                "resources", message("api.core.v1.ResourceRequirements", "limits", limits),
                "env", List.of(message("api.core.v1.EnvVar", "name", "MEM", "valueFrom",
                        message("api.core.v1.EnvVarSource", "resourceFieldRef",
                                message("api.core.v1.ResourceFieldSelector", "resource", "limits.memory")))),
                "livenessProbe", message("api.core.v1.Probe",
                        "handler", message("api.core.v1.ProbeHandler", "httpGet", message("api.core.v1.HTTPGetAction",
                                "path", "/healthz", "port", message("apimachinery.pkg.util.intstr.IntOrString",
                                        "type", 1L, "strVal", "http"))),
                        "periodSeconds", 0),
                "readinessProbe", message("api.core.v1.Probe", "handler", message("api.core.v1.ProbeHandler",
                        "tcpSocket", message("api.core.v1.TCPSocketAction", "port",
                                message("apimachinery.pkg.util.intstr.IntOrString", "intVal", 8080)))));
        DynamicMessage volume = message("api.core.v1.Volume", "name", "cfg", "volumeSource",
                message("api.core.v1.VolumeSource", "configMap", message("api.core.v1.ConfigMapVolumeSource",
                        "localObjectReference", message("api.core.v1.LocalObjectReference", "name", "app"),
                        "defaultMode", 420)));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("b", "2");
        labels.put("\u00e9", "4");
        labels.put("a", "1");
        labels.put("A", "0");
        DynamicMessage pod = message("api.core.v1.Pod",
                "metadata", meta("name", "p", "generateName", "", "generation", 0L, "labels", labels,
                        "creationTimestamp", message(META + "Time", "seconds", 1700000000L),
                        "managedFields", List.of(message(META + "ManagedFieldsEntry", "manager", "kubectl",
                                "operation", "Update", "apiVersion", "v1", "time", message(META + "Time",
                                        "seconds", 1700000000L, "nanos", 999), "fieldsType", "FieldsV1",
                                "fieldsV1", message(META + "FieldsV1", "Raw",
                                        ByteString.copyFromUtf8("{\"f:metadata\":{\"f:labels\":{}}}"))))),
                "spec", message("api.core.v1.PodSpec", "containers", List.of(container), "volumes", List.of(volume),
                        "automountServiceAccountToken", false, "terminationGracePeriodSeconds", 0L,
                        "hostNetwork", false, "restartPolicy", ""));
        assertEquals("{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"p\","
                + "\"creationTimestamp\":\"2023-11-14T22:13:20Z\",\"labels\":{\"A\":\"0\",\"a\":\"1\",\"b\":\"2\",\"\u00e9\":\"4\"},"
                + "\"managedFields\":[{\"manager\":\"kubectl\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
                + "\"time\":\"2023-11-14T22:13:20Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{}}}}]},"
                + "\"spec\":{\"volumes\":[{\"name\":\"cfg\",\"configMap\":{\"name\":\"app\",\"defaultMode\":420}}],"
                + "\"containers\":[{\"name\":\"app\",\"image\":\"nginx\",\"env\":[{\"name\":\"MEM\",\"valueFrom\":"
                + "{\"resourceFieldRef\":{\"resource\":\"limits.memory\",\"divisor\":\"0\"}}}],"
                + "\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},"
                + "\"livenessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":\"http\"}},"
                + "\"readinessProbe\":{\"tcpSocket\":{\"port\":8080}}}],"
                + "\"terminationGracePeriodSeconds\":0,\"automountServiceAccountToken\":false},"
                + "\"status\":{}}", decode(envelope("v1", "Pod", pod)));
    }

    /** A field of client-java-proto's newer struct that 1.32 does not have is skipped, as gogo skips unknown fields. */
    @Test
    void fieldsNewerThan132AreSkipped() throws IOException {
        DynamicMessage pod = message("api.core.v1.Pod", "status", message("api.core.v1.PodStatus",
                "observedGeneration", 5L, "phase", "Running"));
        assertEquals("{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"creationTimestamp\":null},"
                + "\"spec\":{\"containers\":null},\"status\":{\"phase\":\"Running\"}}", decode(envelope("v1", "Pod", pod)));
    }

    /** encode then decode gives the tree back: times with nanos, int-or-strings, quantities, raw JSON, named slices. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"p\",\"creationTimestamp\":\"2023-11-14T22:13:20Z\",\"managedFields\":[{\"manager\":\"m\",\"fieldsV1\":{\"f:spec\":{}}}]},\"spec\":{\"containers\":[{\"name\":\"c\",\"resources\":{\"requests\":{\"cpu\":\"500m\"}},\"livenessProbe\":{\"httpGet\":{\"port\":\"http\"}},\"readinessProbe\":{\"tcpSocket\":{\"port\":80}}}]},\"status\":{}}",
            "{\"kind\":\"Lease\",\"apiVersion\":\"coordination.k8s.io/v1\",\"metadata\":{\"creationTimestamp\":null},\"spec\":{\"renewTime\":\"2023-11-14T22:13:20.123456Z\"}}",
            "{\"kind\":\"StatefulSet\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"name\":\"db\",\"creationTimestamp\":null},\"spec\":{\"replicas\":0,\"selector\":{\"matchLabels\":{\"app\":\"db\"}},\"template\":{\"metadata\":{\"creationTimestamp\":null},\"spec\":{\"containers\":null}},\"volumeClaimTemplates\":[{\"metadata\":{\"name\":\"data\",\"creationTimestamp\":null},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}},\"status\":{}}],\"serviceName\":\"\",\"updateStrategy\":{\"rollingUpdate\":{\"partition\":0}},\"ordinals\":{\"start\":0}},\"status\":{\"replicas\":0,\"availableReplicas\":0}}",
            "{\"kind\":\"ControllerRevision\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"creationTimestamp\":null},\"data\":{\"spec\":{\"template\":{}}},\"revision\":3}",
            "{\"kind\":\"SelfSubjectReview\",\"apiVersion\":\"authentication.k8s.io/v1\",\"metadata\":{\"creationTimestamp\":null},\"status\":{\"userInfo\":{\"extra\":{\"a\":[\"x\"],\"b\":null}}}}"})
    void encodeThenDecodeGivesTheTreeBack(String object) throws IOException {
        byte[] body = KubeProtobuf.encode((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(object));
        assertEquals(object, decode(body));
    }

    @Test
    void secretBytesAreBase64AndARepeatedMapKeyKeepsItsLastValue() throws IOException {
        Map<String, ByteString> data = new LinkedHashMap<>();
        data.put("key", ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0xff}));
        DynamicMessage first = message("api.core.v1.Secret", "metadata", meta("name", "s"), "data", data, "type", "Opaque");
        DynamicMessage again = message("api.core.v1.Secret", "data", Map.of("key", ByteString.copyFromUtf8("last")));
        byte[] raw = first.toBuilder().mergeFrom(again).build().toByteArray();
        assertEquals("{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"s\",\"creationTimestamp\":null},"
                + "\"data\":{\"key\":\"bGFzdA==\"},\"type\":\"Opaque\"}", decode(envelope("v1", "Secret", raw)));
        data.put("key", ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0xff}));
        assertEquals("{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"metadata\":{\"creationTimestamp\":null},"
                + "\"data\":{\"key\":\"AAEC/w==\"}}", decode(envelope("v1", "Secret", message("api.core.v1.Secret", "data", data))));
    }

    /** SelfSubjectReview answers carry ExtraValue (a named []string) in a map; PDB status a map of Times. */
    @Test
    void namedSlicesAndMapsOfTimes() throws IOException {
        DynamicMessage review = message("api.authentication.v1.SelfSubjectReview", "status",
                message("api.authentication.v1.SelfSubjectReviewStatus", "userInfo", message("api.authentication.v1.UserInfo",
                        "username", "kubernetes-admin", "groups", List.of("kubeadm:cluster-admins", "system:authenticated"),
                        "extra", Map.of("scopes", message("api.authentication.v1.ExtraValue", "items", List.of("a", "b"))))));
        assertEquals("{\"kind\":\"SelfSubjectReview\",\"apiVersion\":\"authentication.k8s.io/v1\","
                + "\"metadata\":{\"creationTimestamp\":null},\"status\":{\"userInfo\":{\"username\":\"kubernetes-admin\","
                + "\"groups\":[\"kubeadm:cluster-admins\",\"system:authenticated\"],\"extra\":{\"scopes\":[\"a\",\"b\"]}}}}",
                decode(envelope("authentication.k8s.io/v1", "SelfSubjectReview", review)));
        DynamicMessage pdb = message("api.policy.v1.PodDisruptionBudget", "status",
                message("api.policy.v1.PodDisruptionBudgetStatus", "disruptedPods",
                        Map.of("web-1", message(META + "Time", "seconds", 1700000000L))));
        assertEquals("{\"kind\":\"PodDisruptionBudget\",\"apiVersion\":\"policy/v1\",\"metadata\":{\"creationTimestamp\":null},"
                + "\"spec\":{},\"status\":{\"disruptedPods\":{\"web-1\":\"2023-11-14T22:13:20Z\"},\"disruptionsAllowed\":0,"
                + "\"currentHealthy\":0,\"desiredHealthy\":0,\"expectedPods\":0}}",
                decode(envelope("policy/v1", "PodDisruptionBudget", pdb)));
    }

    /** A kind outside the Go facts table (coordination) still decodes: present values kept, zeros dropped. */
    @Test
    void leaseMicroTimeOutsideTheTable() throws IOException {
        DynamicMessage lease = message("api.coordination.v1.Lease", "metadata", meta("name", "node01"),
                "spec", message("api.coordination.v1.LeaseSpec", "holderIdentity", "node01", "leaseDurationSeconds", 40,
                        "renewTime", message(META + "MicroTime", "seconds", 1700000000L, "nanos", 123456789)));
        assertEquals("{\"kind\":\"Lease\",\"apiVersion\":\"coordination.k8s.io/v1\",\"metadata\":{\"name\":\"node01\","
                        + "\"creationTimestamp\":null},\"spec\":{\"holderIdentity\":\"node01\",\"leaseDurationSeconds\":40,"
                        + "\"renewTime\":\"2023-11-14T22:13:20.123456Z\"}}",
                decode(envelope("coordination.k8s.io/v1", "Lease", lease)));
    }

    /** The endpoint's kind fills an envelope that has none, as the create handler's default kind does. */
    @Test
    void defaultsFillAnEmptyTypeMeta() throws IOException {
        byte[] body = envelope("", "", message("api.core.v1.ConfigMap", "metadata", meta("name", "c")));
        assertEquals("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"c\",\"creationTimestamp\":null}}",
                JSON.writeValueAsString(KubeProtobuf.decode(body, "v1", "ConfigMap")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/vnd.kubernetes.protobuf|true",
            "application/vnd.kubernetes.protobuf;stream=watch|true",
            "APPLICATION/VND.KUBERNETES.PROTOBUF ; charset=utf-8|true",
            "application/json|false",
            "application/vnd.kubernetes.protobuf+json|false",
            "''|false"})
    void isProtobuf(String contentType, boolean expected) {
        assertEquals(expected, KubeProtobuf.isProtobuf(contentType));
        assertEquals(false, KubeProtobuf.isProtobuf(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "empty|empty data",
            "k8s|provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]",
            "json|provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]",
            "prefix|empty body",
            "truncated envelope|unexpected EOF",
            "no kind|Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:\"apps/v1\", Kind:\"\"}'",
            "no version|Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:\"\", Kind:\"Deployment\"}'",
            "three slashes|Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:\"a/b/c\", Kind:\"Deployment\"}'",
            "unknown kind|no kind \"Foo\" is registered for version \"apps/v1\" in scheme \"pkg/api/legacyscheme/scheme.go:30\"",
            "not a kind|no kind \"DeploymentSpec\" is registered for version \"apps/v1\" in scheme \"pkg/api/legacyscheme/scheme.go:30\"",
            "unknown group|no kind \"Widget\" is registered for version \"example.com/v1\" in scheme \"pkg/api/legacyscheme/scheme.go:30\"",
            "truncated raw|unexpected EOF",
            "tag zero|proto: Deployment: illegal tag 0 (wire type 0)",
            "bad quantity|quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            "raw not json|json: error calling MarshalJSON: invalid JSON in raw bytes"})
    void refusals(String name, String message) throws IOException {
        ProtobufBodyException e = assertThrows(ProtobufBodyException.class, () -> KubeProtobuf.decode(malformed(name)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aRefusalAfterTheEnvelopeNamesTheKind() {
        ProtobufBodyException e = assertThrows(ProtobufBodyException.class,
                () -> KubeProtobuf.decode(malformed("bad quantity")));
        assertEquals(Optional.of("v1"), e.apiVersion());
        assertEquals(Optional.of("ResourceQuota"), e.kind());
        assertEquals(Optional.empty(), assertThrows(ProtobufBodyException.class,
                () -> KubeProtobuf.decode(malformed("prefix"))).kind());
    }

    private static byte[] malformed(String name) throws IOException {
        DynamicMessage deployment = message("api.apps.v1.Deployment", "metadata", meta("name", "web"));
        return switch (name) {
            case "empty" -> new byte[0];
            case "k8s" -> "k8s".getBytes(StandardCharsets.US_ASCII);
            case "json" -> "{\"kind\":\"Pod\"}".getBytes(StandardCharsets.US_ASCII);
            case "prefix" -> Bodies.PREFIX.clone();
            case "truncated envelope" -> Arrays.copyOf(captured("deploy-basic"), 30);
            case "no kind" -> envelope("apps/v1", "", deployment);
            case "no version" -> envelope("", "Deployment", deployment);
            case "three slashes" -> envelope("a/b/c", "Deployment", deployment);
            case "unknown kind" -> envelope("apps/v1", "Foo", deployment);
            case "not a kind" -> envelope("apps/v1", "DeploymentSpec", deployment);
            case "unknown group" -> envelope("example.com/v1", "Widget", deployment);
            case "truncated raw" -> envelope("apps/v1", "Deployment", new byte[] {0x0a, 0x05, 0x01});
            case "tag zero" -> envelope("apps/v1", "Deployment", new byte[] {0x00, 0x00});
            case "bad quantity" -> envelope("v1", "ResourceQuota", message("api.core.v1.ResourceQuota", "spec",
                    message("api.core.v1.ResourceQuotaSpec", "hard",
                            Map.of("cpu", message("apimachinery.pkg.api.resource.Quantity", "string", "lots")))));
            case "raw not json" -> envelope("apps/v1", "ControllerRevision", message("api.apps.v1.ControllerRevision",
                    "data", message("apimachinery.pkg.runtime.RawExtension", "raw", ByteString.copyFromUtf8("{nope"))));
            default -> throw new IllegalArgumentException(name);
        };
    }

    static byte[] captured(String name) throws IOException {
        try (InputStream in = KubeProtobufTest.class.getResourceAsStream("/protobuf/" + name + ".pb")) {
            return in.readAllBytes();
        }
    }
}
