package io.kubelab.apiserver.validation;

import io.kubelab.apiserver.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static io.kubelab.apiserver.validation.Objects.cause;
import static io.kubelab.apiserver.validation.Objects.json;
import static io.kubelab.apiserver.validation.Objects.merge;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pod creates and updates: one row per rule, with the causes Kubernetes 1.32 reports. */
class PodValidationTest {

    private static final String C = "'imagePullPolicy':'Always','terminationMessagePolicy':'File'";

    static Stream<Arguments> creates() {
        return Stream.of(
                Arguments.of("valid", "{}", List.of()),
                Arguments.of("name must be a DNS subdomain", "{'metadata':{'name':'Nginx'}}", List.of(cause("FieldValueInvalid",
                        "metadata.name", "Invalid value: \"Nginx\": a lowercase RFC 1123 subdomain must consist of lower case "
                                + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                                + "(e.g. 'example.com', regex used for validation is "
                                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"))),
                Arguments.of("containers required", "{'spec':{'containers':[]}}",
                        List.of(cause("FieldValueRequired", "spec.containers", "Required value"))),
                Arguments.of("container name and image required", "{'spec':{'containers':[{" + C + "}]}}", List.of(
                        cause("FieldValueRequired", "spec.containers[0].name", "Required value"),
                        cause("FieldValueRequired", "spec.containers[0].image", "Required value"))),
                Arguments.of("duplicate container name", "{'spec':{'containers':[{'name':'a','image':'x'," + C
                        + "},{'name':'a','image':'y'," + C + "}]}}",
                        List.of(cause("FieldValueDuplicate", "spec.containers[1].name", "Duplicate value: \"a\""))),
                Arguments.of("containerPort range", "{'spec':{'containers':[{'name':'a','image':'x'," + C
                        + ",'ports':[{'containerPort':70000,'protocol':'TCP'}]}]}}", List.of(cause("FieldValueInvalid",
                        "spec.containers[0].ports[0].containerPort", "Invalid value: 70000: must be between 1 and 65535, inclusive"))),
                Arguments.of("protocol supported values", "{'spec':{'containers':[{'name':'a','image':'x'," + C
                        + ",'ports':[{'containerPort':80,'protocol':'HTTP'}]}]}}", List.of(cause("FieldValueNotSupported",
                        "spec.containers[0].ports[0].protocol", "Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""))),
                Arguments.of("duplicate port name", "{'spec':{'containers':[{'name':'a','image':'x'," + C
                        + ",'ports':[{'name':'http','containerPort':80,'protocol':'TCP'},{'name':'http','containerPort':81,'protocol':'TCP'}]}]}}",
                        List.of(cause("FieldValueDuplicate", "spec.containers[0].ports[1].name", "Duplicate value: \"http\""))),
                Arguments.of("env name", "{'spec':{'containers':[{'name':'a','image':'x'," + C + ",'env':[{'name':'A=B'}]}]}}",
                        List.of(cause("FieldValueInvalid", "spec.containers[0].env[0].name", "Invalid value: \"A=B\": a valid "
                                + "environment variable name must consist only of printable ASCII characters other than '='"))),
                Arguments.of("volume mount must name a volume", "{'spec':{'containers':[{'name':'a','image':'x'," + C
                        + ",'volumeMounts':[{'name':'data','mountPath':'/data'}]}]}}",
                        List.of(cause("FieldValueNotFound", "spec.containers[0].volumeMounts[0].name", "Not found: \"data\""))),
                Arguments.of("volume needs one source", "{'spec':{'volumes':[{'name':'v'}]}}",
                        List.of(cause("FieldValueRequired", "spec.volumes[0]", "Required value: must specify a volume type"))),
                Arguments.of("volume with two sources", "{'spec':{'volumes':[{'name':'v','emptyDir':{},'configMap':{'name':'c'}}]}}",
                        List.of(cause("FieldValueForbidden", "spec.volumes[0].configMap", "Forbidden: may not specify more than 1 volume type"))),
                Arguments.of("duplicate volume", "{'spec':{'volumes':[{'name':'v','emptyDir':{}},{'name':'v','emptyDir':{}}]}}",
                        List.of(cause("FieldValueDuplicate", "spec.volumes[1].name", "Duplicate value: \"v\""))),
                Arguments.of("restartPolicy", "{'spec':{'restartPolicy':'Sometimes'}}", List.of(cause("FieldValueNotSupported",
                        "spec.restartPolicy", "Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""))),
                Arguments.of("dnsPolicy", "{'spec':{'dnsPolicy':'Google'}}", List.of(cause("FieldValueNotSupported", "spec.dnsPolicy",
                        "Unsupported value: \"Google\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""))),
                Arguments.of("imagePullPolicy", "{'spec':{'containers':[{'name':'a','image':'x','imagePullPolicy':'Sometimes',"
                        + "'terminationMessagePolicy':'File'}]}}", List.of(cause("FieldValueNotSupported",
                        "spec.containers[0].imagePullPolicy", "Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\""))),
                Arguments.of("request above limit", "{'spec':{'containers':[{'name':'a','image':'x'," + C
                        + ",'resources':{'limits':{'cpu':'1'},'requests':{'cpu':'1500m'}}}]}}", List.of(cause("FieldValueInvalid",
                        "spec.containers[0].resources.requests", "Invalid value: \"1500m\": must be less than or equal to cpu limit of 1"))),
                Arguments.of("activeDeadlineSeconds", "{'spec':{'activeDeadlineSeconds':0}}", List.of(cause("FieldValueInvalid",
                        "spec.activeDeadlineSeconds", "Invalid value: 0: must be between 1 and 2147483647, inclusive"))),
                Arguments.of("namespace required", "{'metadata':{'namespace':null}}",
                        List.of(cause("FieldValueRequired", "metadata.namespace", "Required value"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void create(String rule, String patch, List<Status.Cause> expected) {
        assertEquals(expected, Validation.validateCreate(merge(json(Objects.POD), patch)));
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                Arguments.of("image may change", "{'spec':{'containers':[{'name':'nginx','image':'nginx:1.27'," + C + "}]}}", List.of()),
                Arguments.of("containers may not be added", "{'spec':{'containers':[{'name':'nginx','image':'nginx'," + C
                        + "},{'name':'b','image':'b'," + C + "}]}}", List.of(cause("FieldValueForbidden", "spec.containers",
                        "Forbidden: pod updates may not add or remove containers"))),
                Arguments.of("name is immutable", "{'metadata':{'name':'other'}}",
                        List.of(cause("FieldValueInvalid", "metadata.name", "Invalid value: \"other\": field is immutable"))),
                Arguments.of("creationTimestamp is immutable", "{'metadata':{'creationTimestamp':'2024-05-02T10:00:00Z'}}",
                        List.of(cause("FieldValueInvalid", "metadata.creationTimestamp",
                                "Invalid value: 2024-05-02 10:00:00 +0000 UTC: field is immutable"))),
                Arguments.of("resourceVersion required", "{'metadata':{'resourceVersion':null}}", List.of(cause("FieldValueInvalid",
                        "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update"))),
                Arguments.of("activeDeadlineSeconds may only shrink", "{'spec':{'activeDeadlineSeconds':30}}", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void update(String rule, String patch, List<Status.Cause> expected) {
        assertEquals(expected, Validation.validateUpdate(merge(json(Objects.POD), patch), json(Objects.POD)));
    }

    @Test
    void changingAPortIsRefusedWithKubernetesWords() {
        List<Status.Cause> causes = Validation.validateUpdate(merge(json(Objects.POD), "{'spec':{'containers':[{'name':'nginx',"
                + "'image':'nginx'," + C + ",'ports':[{'containerPort':80,'protocol':'TCP'}]}]}}"), json(Objects.POD));
        assertEquals(1, causes.size());
        assertEquals("spec", causes.get(0).field());
        assertEquals("Forbidden: pod updates may not change fields other than `spec.containers[*].image`,"
                + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
                + "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n"
                + "  core.PodSpec{\n+ \tcontainers[0].ports: [{\"containerPort\":80,\"protocol\":\"TCP\"}]\n  }\n",
                causes.get(0).message());
    }

    @Test
    void kubectlShowsTheStatusMessage() {
        List<Status.Cause> causes = Validation.validateCreate(merge(json(Objects.POD), "{'metadata':{'name':'Nginx'}}"));
        assertEquals("Pod \"Nginx\" is invalid: metadata.name: Invalid value: \"Nginx\": a lowercase RFC 1123 subdomain must "
                + "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
                + "character (e.g. 'example.com', regex used for validation is "
                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                Status.invalid("", "Pod", "Nginx", causes).message());
    }
}
