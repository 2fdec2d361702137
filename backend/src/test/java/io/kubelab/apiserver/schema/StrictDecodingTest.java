package io.kubelab.apiserver.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.RequestOptions.FieldValidation;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StrictDecodingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceType POD = ResourceTypes.of("v1", "Pod");
    private static final ResourceType DEPLOYMENT = ResourceTypes.of("apps/v1", "Deployment");
    private static final ResourceType SERVICE = ResourceTypes.of("v1", "Service");
    private static final ResourceType SECRET = ResourceTypes.of("v1", "Secret");
    private static final ResourceType REVISION = ResourceTypes.of("apps/v1", "ControllerRevision");
    private static final ResourceType HPA = ResourceTypes.of("autoscaling/v2", "HorizontalPodAutoscaler");
    private static final ResourceType LEASE = ResourceTypes.of("coordination.k8s.io/v1", "Lease");

    static final String POD_IN_V1 = "Pod in version \"v1\" cannot be handled as a Pod: ";
    static final String DEPLOYMENT_IN_V1 = "Deployment in version \"v1\" cannot be handled as a Deployment: ";

    static ObjectNode pod(String spec) {
        return object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":" + spec + "}");
    }

    static ObjectNode deployment(String spec) {
        return object("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\"},\"spec\":"
                + spec + "}");
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Bodies Kubernetes 1.32 rejects whatever fieldValidation says, with the exact 400 message. */
    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("string for int32", DEPLOYMENT, deployment("{\"replicas\":\"3\"}"), DEPLOYMENT_IN_V1
                        + "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"),
                arguments("fraction for int32", DEPLOYMENT, deployment("{\"replicas\":1.5}"), DEPLOYMENT_IN_V1
                        + "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32"),
                arguments("int32 overflow", DEPLOYMENT, deployment("{\"replicas\":3000000000}"), DEPLOYMENT_IN_V1
                        + "json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas"
                        + " of type int32"),
                arguments("object for a list", POD, pod("{\"containers\":{\"name\":\"a\"}}"), POD_IN_V1
                        + "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"),
                arguments("string for a struct", POD, pod("\"x\""), POD_IN_V1
                        + "json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec"),
                arguments("number for a label value", POD, object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                        + "\"metadata\":{\"name\":\"p\",\"labels\":{\"tier\":1}}}"), POD_IN_V1
                        + "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"),
                arguments("bool as string", POD, pod("{\"hostNetwork\":\"true\"}"), POD_IN_V1
                        + "json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool"),
                arguments("number for a string in a list element: no index in the path", POD,
                        pod("{\"containers\":[{\"name\":\"a\",\"image\":5}]}"), POD_IN_V1
                        + "json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string"),
                arguments("named string type", POD, pod("{\"containers\":[{\"name\":\"a\",\"imagePullPolicy\":true}]}"),
                        POD_IN_V1 + "json: cannot unmarshal bool into Go struct field Container.spec.containers"
                        + ".imagePullPolicy of type v1.PullPolicy"),
                arguments("int64 field", POD, pod("{\"terminationGracePeriodSeconds\":\"30\"}"), POD_IN_V1
                        + "json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds"
                        + " of type int64"),
                arguments("string for a list of strings", POD, pod("{\"containers\":[{\"name\":\"a\",\"command\":\"sleep\"}]}"),
                        POD_IN_V1 + "json: cannot unmarshal string into Go struct field Container.spec.containers.command"
                        + " of type []string"),
                arguments("list for a map", POD, pod("{\"nodeSelector\":[\"a\"]}"), POD_IN_V1
                        + "json: cannot unmarshal array into Go struct field PodSpec.spec.nodeSelector of type map[string]string"),
                arguments("string for a ResourceList", POD, pod("{\"containers\":[{\"name\":\"a\",\"resources\":"
                        + "{\"limits\":\"1\"}}]}"), POD_IN_V1 + "json: cannot unmarshal string into Go struct field"
                        + " ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList"),
                arguments("first saved type error wins", DEPLOYMENT, deployment("{\"replicas\":\"3\",\"paused\":1}"),
                        DEPLOYMENT_IN_V1 + "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas"
                        + " of type int32"),
                arguments("a type error hides unknown fields", DEPLOYMENT, deployment("{\"foo\":1,\"replicas\":\"3\"}"),
                        DEPLOYMENT_IN_V1 + "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas"
                        + " of type int32"),
                arguments("IntOrString refuses a bool", SERVICE, object("{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                        + "\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":true}]}}"),
                        "Service in version \"v1\" cannot be handled as a Service: json: cannot unmarshal bool into Go"
                        + " struct field ServicePort.spec.ports.targetPort of type int32"),
                arguments("IntOrString refuses a fraction", SERVICE, object("{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                        + "\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":1.5}]}}"),
                        "Service in version \"v1\" cannot be handled as a Service: json: cannot unmarshal number 1.5 into"
                        + " Go struct field ServicePort.spec.ports.targetPort of type int32"),
                arguments("IntOrString error wins over an earlier saved error", SERVICE, object("{\"apiVersion\":\"v1\","
                        + "\"kind\":\"Service\",\"spec\":{\"type\":1,\"ports\":[{\"port\":80,\"targetPort\":{}}]}}"),
                        "Service in version \"v1\" cannot be handled as a Service: json: cannot unmarshal object into"
                        + " Go struct field ServicePort.spec.ports.targetPort of type int32"),
                arguments("Quantity bad syntax", POD, pod("{\"containers\":[{\"name\":\"a\",\"resources\":{\"limits\":"
                        + "{\"memory\":\"1GB\"}}}]}"), POD_IN_V1 + QuantitySyntax.FORMAT_WRONG),
                arguments("Quantity bad suffix", POD, pod("{\"containers\":[{\"name\":\"a\",\"resources\":{\"limits\":"
                        + "{\"memory\":\"1K\"}}}]}"), POD_IN_V1 + "unable to parse quantity's suffix"),
                arguments("Quantity refuses a bool", POD, pod("{\"containers\":[{\"name\":\"a\",\"resources\":{\"limits\":"
                        + "{\"cpu\":true}}}]}"), POD_IN_V1 + QuantitySyntax.FORMAT_WRONG),
                arguments("Time refuses a number", POD, object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":"
                        + "{\"creationTimestamp\":5}}"), POD_IN_V1 + "json: cannot unmarshal number into Go struct field"
                        + " ObjectMeta.metadata.creationTimestamp of type string"),
                arguments("Time bad syntax", POD, object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":"
                        + "{\"creationTimestamp\":\"2024-13-01T00:00:00Z\"}}"),
                        POD_IN_V1 + "parsing time \"2024-13-01T00:00:00Z\": month out of range"),
                arguments("Time cut short", POD, object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":"
                        + "{\"creationTimestamp\":\"2024-01-01\"}}"), POD_IN_V1 + "parsing time \"2024-01-01\" as"
                        + " \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"T\""),
                arguments("MicroTime without microseconds", LEASE, object("{\"apiVersion\":\"coordination.k8s.io/v1\","
                        + "\"kind\":\"Lease\",\"spec\":{\"renewTime\":\"2024-01-01T00:00:00Z\"}}"),
                        "Lease in version \"v1\" cannot be handled as a Lease: parsing time \"2024-01-01T00:00:00Z\" as"
                        + " \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"Z\" as \".000000\""),
                arguments("bad base64 in Secret data", SECRET, object("{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                        + "\"data\":{\"k\":\"abc!\"}}"), "Secret in version \"v1\" cannot be handled as a Secret:"
                        + " illegal base64 data at input byte 3"),
                arguments("number in Secret data", SECRET, object("{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                        + "\"data\":{\"k\":1}}"), "Secret in version \"v1\" cannot be handled as a Secret:"
                        + " json: cannot unmarshal number into Go struct field Secret.data of type []uint8"),
                arguments("autoscaling/v2 package name", HPA, object("{\"apiVersion\":\"autoscaling/v2\",\"kind\":"
                        + "\"HorizontalPodAutoscaler\",\"spec\":\"x\"}"), "HorizontalPodAutoscaler in version \"v2\""
                        + " cannot be handled as a HorizontalPodAutoscaler: json: cannot unmarshal string into Go struct"
                        + " field HorizontalPodAutoscaler.spec of type v2.HorizontalPodAutoscalerSpec"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void typeErrorsAreRejectedInEveryMode(String name, ResourceType type, ObjectNode body, String message) {
        for (FieldValidation mode : FieldValidation.values()) {
            StatusException e = assertThrows(StatusException.class, () -> StrictDecoding.check(body, type, mode),
                    mode.name());
            assertEquals(400, e.status().code());
            assertEquals("BadRequest", e.status().reason());
            assertEquals(message, e.status().message(), mode.name());
        }
    }

    /** Bodies with unknown fields: the Strict error, and the same fields as Warn warnings. */
    static Stream<Arguments> unknownFields() {
        return Stream.of(
                arguments("top-level", POD, object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spek\":{}}"),
                        List.of("unknown field \"spek\"")),
                arguments("nested in a list element", POD, pod("{\"containers\":[{\"name\":\"a\",\"image\":\"nginx\"},"
                        + "{\"name\":\"b\",\"imagee\":\"nginx\"}]}"), List.of("unknown field \"spec.containers[1].imagee\"")),
                arguments("two, in document order", POD, pod("{\"foo\":1,\"containers\":[{\"name\":\"a\",\"imagee\":\"x\"}],"
                        + "\"bar\":true}"), List.of("unknown field \"spec.foo\"", "unknown field \"spec.containers[0].imagee\"",
                        "unknown field \"spec.bar\"")),
                arguments("in a map value's struct, key in the path", HPA, object("{\"apiVersion\":\"autoscaling/v2\","
                        + "\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"nam\":\"h\"}}"),
                        List.of("unknown field \"metadata.nam\"")),
                arguments("case-sensitive", DEPLOYMENT, deployment("{\"Replicas\":2}"),
                        List.of("unknown field \"spec.Replicas\"")),
                arguments("deep in a template", DEPLOYMENT, deployment("{\"template\":{\"spec\":{\"containers\":"
                        + "[{\"name\":\"a\",\"ports\":[{\"containerPortZ\":80}]}]}}}"),
                        List.of("unknown field \"spec.template.spec.containers[0].ports[0].containerPortZ\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownFields")
    void unknownFieldsFailStrict(String name, ResourceType type, ObjectNode body, List<String> unknown) {
        StatusException e = assertThrows(StatusException.class,
                () -> StrictDecoding.check(body, type, FieldValidation.STRICT));
        assertEquals(400, e.status().code());
        assertEquals(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind()
                + ": strict decoding error: " + String.join(", ", unknown), e.status().message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownFields")
    void unknownFieldsWarn(String name, ResourceType type, ObjectNode body, List<String> unknown) {
        assertEquals(unknown, StrictDecoding.check(body, type, FieldValidation.WARN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownFields")
    void unknownFieldsAreIgnored(String name, ResourceType type, ObjectNode body, List<String> unknown) {
        assertEquals(List.of(), StrictDecoding.check(body, type, FieldValidation.IGNORE));
    }

    /** Bodies every mode accepts. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("IntOrString as number", SERVICE, object("{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                        + "\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":8080}]}}")),
                arguments("IntOrString as string", SERVICE, object("{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                        + "\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":\"http\"}]}}")),
                arguments("Quantity as string and number", POD, pod("{\"containers\":[{\"name\":\"a\",\"resources\":"
                        + "{\"limits\":{\"memory\":\"128Mi\",\"cpu\":0.5},\"requests\":{\"cpu\":\"100m\",\"memory\":1e3}}}]}")),
                arguments("nulls everywhere", POD, pod("{\"containers\":null,\"hostNetwork\":null,\"priority\":null}")),
                arguments("metadata with a null creationTimestamp", POD, object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                        + "\"metadata\":{\"name\":\"p\",\"creationTimestamp\":null,\"labels\":{\"run\":\"p\"}}}")),
                arguments("a Time with a fraction and an offset", POD, object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                        + "\"metadata\":{\"creationTimestamp\":\"2024-02-29T10:00:00.5+02:00\"}}")),
                arguments("free-form ControllerRevision data", REVISION, object("{\"apiVersion\":\"apps/v1\","
                        + "\"kind\":\"ControllerRevision\",\"revision\":1,\"data\":{\"anything\":[1,{\"x\":true}]}}")),
                arguments("valid base64", SECRET, object("{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                        + "\"data\":{\"k\":\"YWJj\",\"p\":\"YQ==\"},\"stringData\":{\"s\":\"plain\"}}")),
                arguments("int64 beyond int32", POD, pod("{\"activeDeadlineSeconds\":5000000000}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void validBodiesPass(String name, ResourceType type, ObjectNode body) {
        for (FieldValidation mode : FieldValidation.values()) {
            assertEquals(List.of(), StrictDecoding.check(body, type, mode), mode.name());
        }
    }
}
