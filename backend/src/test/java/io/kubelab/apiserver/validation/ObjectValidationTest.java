package io.kubelab.apiserver.validation;

import io.kubelab.apiserver.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.kubelab.apiserver.validation.Objects.cause;
import static io.kubelab.apiserver.validation.Objects.json;
import static io.kubelab.apiserver.validation.Objects.merge;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ObjectMeta for every kind, and Namespace, Service, ConfigMap, Secret, RBAC and the smaller kinds. */
class ObjectValidationTest {

    private static final String CM = "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cfg','namespace':'default',"
            + "'resourceVersion':'1'},'data':{'a':'1'}}";
    private static final String NS = "{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'dev'}}";
    private static final String SVC = "{'apiVersion':'v1','kind':'Service','metadata':{'name':'web','namespace':'default',"
            + "'resourceVersion':'1'},'spec':{'type':'ClusterIP','clusterIP':'10.96.0.10','clusterIPs':['10.96.0.10'],"
            + "'sessionAffinity':'None','selector':{'app':'web'},'ports':[{'port':80,'protocol':'TCP','targetPort':80}]}}";
    private static final String SECRET = "{'apiVersion':'v1','kind':'Secret','metadata':{'name':'s','namespace':'default'},"
            + "'type':'Opaque','data':{'k':'dg=='}}";
    private static final String ROLE = "{'apiVersion':'rbac.authorization.k8s.io/v1','kind':'Role','metadata':{'name':'r',"
            + "'namespace':'default'},'rules':[{'apiGroups':[''],'resources':['pods'],'verbs':['get']}]}";
    private static final String BINDING = "{'apiVersion':'rbac.authorization.k8s.io/v1','kind':'RoleBinding','metadata':{"
            + "'name':'b','namespace':'default','resourceVersion':'1'},'roleRef':{'apiGroup':'rbac.authorization.k8s.io',"
            + "'kind':'Role','name':'r'},'subjects':[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]}";

    static Stream<Arguments> creates() {
        return Stream.of(
                Arguments.of("valid configmap", CM, "{}", List.of()),
                Arguments.of("name or generateName", CM, "{'metadata':{'name':null}}", List.of(cause("FieldValueRequired",
                        "metadata.name", "Required value: name or generateName is required"))),
                Arguments.of("generateName may end in a dash", CM, "{'metadata':{'name':null,'generateName':'cfg-'}}",
                        List.of(cause("FieldValueRequired", "metadata.name", "Required value: name or generateName is required"))),
                Arguments.of("label key", CM, "{'metadata':{'labels':{'a/b/c':'x'}}}", List.of(cause("FieldValueInvalid",
                        "metadata.labels", "Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, "
                                + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
                                + "'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') "
                                + "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"))),
                Arguments.of("annotations total size", CM, "{'metadata':{'annotations':{'big':'" + "x".repeat(262142) + "'}}}",
                        List.of(cause("FieldValueTooLong", "metadata.annotations", "Too long: may not be more than 262144 bytes"))),
                Arguments.of("finalizer must be qualified", CM, "{'metadata':{'finalizers':['cleanup']}}", List.of(cause(
                        "FieldValueInvalid", "metadata.finalizers[0]",
                        "Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it fully qualified"))),
                Arguments.of("owner reference uid", CM, "{'metadata':{'ownerReferences':[{'apiVersion':'v1','kind':'Pod','name':'p'}]}}",
                        List.of(cause("FieldValueInvalid", "metadata.ownerReferences.uid", "Invalid value: \"\": uid must not be empty"))),
                Arguments.of("config key", CM, "{'data':{'a b':'1'}}", List.of(cause("FieldValueInvalid", "data[a b]",
                        "Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
                                + "(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"))),
                Arguments.of("namespace name is a DNS label", NS, "{'metadata':{'name':'a.b'}}", List.of(cause("FieldValueInvalid",
                        "metadata.name", "Invalid value: \"a.b\": a lowercase RFC 1123 label must consist of lower case "
                                + "alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. "
                                + "'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"))),
                Arguments.of("namespace on a cluster-scoped kind", NS, "{'metadata':{'namespace':'default'}}", List.of(cause(
                        "FieldValueForbidden", "metadata.namespace", "Forbidden: not allowed on this type"))),
                Arguments.of("valid service", SVC, "{}", List.of()),
                Arguments.of("service name is a DNS-1035 label", SVC, "{'metadata':{'name':'1web'}}", List.of(cause("FieldValueInvalid",
                        "metadata.name", "Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric "
                                + "characters or '-', start with an alphabetic character, and end with an alphanumeric character "
                                + "(e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"))),
                Arguments.of("service ports required", SVC, "{'spec':{'ports':[]}}",
                        List.of(cause("FieldValueRequired", "spec.ports", "Required value"))),
                Arguments.of("service port names required when several", SVC, "{'spec':{'ports':[{'port':80,'protocol':'TCP',"
                        + "'targetPort':80},{'port':0,'protocol':'TCP','targetPort':80}]}}", List.of(
                        cause("FieldValueRequired", "spec.ports[0].name", "Required value"),
                        cause("FieldValueRequired", "spec.ports[1].name", "Required value"),
                        cause("FieldValueInvalid", "spec.ports[1].port", "Invalid value: 0: must be between 1 and 65535, inclusive"))),
                Arguments.of("service duplicate port", SVC, "{'spec':{'ports':[{'name':'a','port':80,'protocol':'TCP','targetPort':80},"
                        + "{'name':'b','port':80,'protocol':'TCP','targetPort':81}]}}", List.of(cause("FieldValueDuplicate", "spec.ports[1]",
                        "Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:80, "
                                + "TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"))),
                Arguments.of("service type", SVC, "{'spec':{'type':'Internal'}}", List.of(cause("FieldValueNotSupported", "spec.type",
                        "Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""))),
                Arguments.of("valid secret", SECRET, "{}", List.of()),
                Arguments.of("tls secret keys", SECRET, "{'type':'kubernetes.io/tls'}", List.of(
                        cause("FieldValueRequired", "data[tls.crt]", "Required value"),
                        cause("FieldValueRequired", "data[tls.key]", "Required value"))),
                Arguments.of("valid role", ROLE, "{}", List.of()),
                Arguments.of("role verbs required", ROLE, "{'rules':[{'apiGroups':[''],'resources':['pods']}]}", List.of(cause(
                        "FieldValueRequired", "rules[0].verbs", "Required value: verbs must contain at least one value"))),
                Arguments.of("rbac names are path segments", ROLE, "{'metadata':{'name':'a/b'}}", List.of(cause("FieldValueInvalid",
                        "metadata.name", "Invalid value: \"a/b\": may not contain '/'"))),
                Arguments.of("binding roleRef kind", BINDING, "{'roleRef':{'kind':'Pod'}}", List.of(cause("FieldValueNotSupported",
                        "roleRef.kind", "Unsupported value: \"Pod\": supported values: \"Role\", \"ClusterRole\""))),
                Arguments.of("unknown kinds get only ObjectMeta checks", "{'apiVersion':'v1','kind':'Widget','metadata':{'name':'Bad','namespace':'x'}}",
                        "{}", List.of(cause("FieldValueInvalid", "metadata.name", "Invalid value: \"Bad\": " + Objects.SUBDOMAIN_MSG))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void create(String rule, String base, String patch, List<Status.Cause> expected) {
        assertEquals(expected, Validation.validateCreate(merge(json(base), patch)));
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                Arguments.of("clusterIP may not change", SVC, "{'spec':{'clusterIP':'10.96.0.11','clusterIPs':['10.96.0.11']}}",
                        List.of(cause("FieldValueInvalid", "spec.clusterIPs[0]",
                                "Invalid value: []string{\"10.96.0.11\"}: may not change once set"))),
                Arguments.of("roleRef may not change", BINDING, "{'roleRef':{'name':'other'}}", List.of(cause("FieldValueInvalid",
                        "roleRef", "Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"Role\", Name:\"other\"}: "
                                + "cannot change roleRef"))),
                Arguments.of("namespace immutable", CM, "{'metadata':{'namespace':'other'}}", List.of(cause("FieldValueInvalid",
                        "metadata.namespace", "Invalid value: \"other\": field is immutable"))),
                Arguments.of("immutable configmap", CM.replace("'data'", "'immutable':true,'data'"), "{'data':{'a':'2'}}",
                        List.of(cause("FieldValueForbidden", "data", "Forbidden: field is immutable when `immutable` is set"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void update(String rule, String base, String patch, List<Status.Cause> expected) {
        assertEquals(expected, Validation.validateUpdate(merge(json(base), patch), json(base)));
    }

    @Test
    void severalCausesAggregateInOrder() {
        List<Status.Cause> causes = Validation.validateCreate(merge(json(SVC),
                "{'metadata':{'name':'web'},'spec':{'type':'Internal','ports':[{'port':70000,'protocol':'TCP','targetPort':80}]}}"));
        assertEquals("Service \"web\" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, "
                + "inclusive, spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", "
                + "\"LoadBalancer\", \"NodePort\"]", Status.invalid("", "Service", "web", causes).message());
    }
}
