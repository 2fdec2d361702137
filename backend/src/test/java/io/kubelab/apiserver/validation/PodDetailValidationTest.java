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

/** Pod details: probes, hooks, security contexts, affinity, spread constraints, ports, env sources, DNS and the rest. */
class PodDetailValidationTest {

    private static final String C = "'name':'a','image':'x','imagePullPolicy':'Always','terminationMessagePolicy':'File'";
    private static final String C0 = "spec.containers[0].";

    private static String container(String extra) {
        return "{'spec':{'containers':[{" + C + "," + extra + "}]}}";
    }

    static Stream<Arguments> creates() {
        return Stream.of(
                Arguments.of("valid probe", container("'livenessProbe':{'tcpSocket':{'port':80},'timeoutSeconds':1,'periodSeconds':10,"
                        + "'successThreshold':1,'failureThreshold':3}"), List.of()),
                Arguments.of("probe needs a handler", container("'readinessProbe':{'periodSeconds':10,'successThreshold':1}"), List.of(
                        cause("FieldValueRequired", C0 + "readinessProbe", "Required value: must specify a handler type"))),
                Arguments.of("probe with two handlers", container("'startupProbe':{'exec':{'command':['true']},'grpc':{'port':9000},"
                        + "'successThreshold':1}"), List.of(cause("FieldValueForbidden", C0 + "startupProbe.grpc",
                        "Forbidden: may not specify more than 1 handler type"))),
                Arguments.of("probe numbers", container("'livenessProbe':{'exec':{'command':['true']},'periodSeconds':-1,"
                        + "'successThreshold':2}"), List.of(
                        cause("FieldValueInvalid", C0 + "livenessProbe.periodSeconds", "Invalid value: -1: must be greater than or equal to 0"),
                        cause("FieldValueInvalid", C0 + "livenessProbe.successThreshold", "Invalid value: 2: must be 1"))),
                Arguments.of("httpGet probe", container("'readinessProbe':{'httpGet':{'port':'web--x','scheme':'FTP'},'successThreshold':1}"),
                        List.of(cause("FieldValueRequired", C0 + "readinessProbe.httpGet.path", "Required value"),
                                cause("FieldValueInvalid", C0 + "readinessProbe.httpGet.port", "Invalid value: \"web--x\": must not contain consecutive hyphens"),
                                cause("FieldValueNotSupported", C0 + "readinessProbe.httpGet.scheme",
                                        "Unsupported value: \"FTP\": supported values: \"HTTP\", \"HTTPS\""))),
                Arguments.of("readiness probe grace period", container("'readinessProbe':{'exec':{'command':['true']},"
                        + "'terminationGracePeriodSeconds':5,'successThreshold':1}"), List.of(cause("FieldValueInvalid",
                        C0 + "readinessProbe.terminationGracePeriodSeconds", "Invalid value: 5: must not be set for readinessProbes"))),
                Arguments.of("lifecycle sleep within grace period", "{'spec':{'terminationGracePeriodSeconds':30,'containers':[{" + C
                        + ",'lifecycle':{'preStop':{'sleep':{'seconds':60}},'postStart':{}}}]}}", List.of(
                        cause("FieldValueRequired", C0 + "lifecycle.postStart", "Required value: must specify a handler type"),
                        cause("FieldValueInvalid", C0 + "lifecycle.preStop.sleep",
                                "Invalid value: 60: must be greater than 0 and less than terminationGracePeriodSeconds (30)"))),
                Arguments.of("container security context", container("'securityContext':{'runAsUser':-1,'procMount':'Unmasked',"
                        + "'seccompProfile':{'type':'Localhost'}}"), List.of(
                        cause("FieldValueInvalid", C0 + "securityContext.runAsUser", "Invalid value: -1: must be between 0 and 2147483647, inclusive"),
                        cause("FieldValueInvalid", C0 + "securityContext.procMount", "Invalid value: \"Unmasked\": `hostUsers` must be false to use `Unmasked`"),
                        cause("FieldValueRequired", C0 + "securityContext.seccompProfile.localhostProfile",
                                "Required value: must be set when seccomp type is Localhost"))),
                Arguments.of("privileged without escalation", container("'securityContext':{'privileged':true,'allowPrivilegeEscalation':false}"),
                        List.of(cause("FieldValueInvalid", "spec.containers[0].securityContext", "Invalid value: core.SecurityContext{"
                                + "Capabilities:(*core.Capabilities)(nil), Privileged:(*bool)(0xc000000000), SELinuxOptions:(*core.SELinuxOptions)(nil), "
                                + "WindowsOptions:(*core.WindowsSecurityContextOptions)(nil), RunAsUser:(*int64)(nil), RunAsGroup:(*int64)(nil), "
                                + "RunAsNonRoot:(*bool)(nil), ReadOnlyRootFilesystem:(*bool)(nil), AllowPrivilegeEscalation:(*bool)(0xc000000000), "
                                + "ProcMount:(*core.ProcMountType)(nil), SeccompProfile:(*core.SeccompProfile)(nil), "
                                + "AppArmorProfile:(*core.AppArmorProfile)(nil)}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true"))),
                Arguments.of("pod security context", "{'spec':{'hostPID':true,'shareProcessNamespace':true,'securityContext':{'fsGroup':-5,"
                        + "'fsGroupChangePolicy':'Never','appArmorProfile':{'type':'Custom'}}}}", List.of(
                        cause("FieldValueInvalid", "spec.securityContext.fsGroup", "Invalid value: -5: must be between 0 and 2147483647, inclusive"),
                        cause("FieldValueInvalid", "spec.securityContext.shareProcessNamespace",
                                "Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled"),
                        cause("FieldValueNotSupported", "spec.securityContext.fsGroupChangePolicy",
                                "Unsupported value: \"Never\": supported values: \"Always\", \"OnRootMismatch\""),
                        cause("FieldValueNotSupported", "spec.securityContext.appArmorProfile.type",
                                "Unsupported value: \"Custom\": supported values: \"Localhost\", \"RuntimeDefault\", \"Unconfined\""))),
                Arguments.of("node affinity", "{'spec':{'affinity':{'nodeAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':"
                        + "{'nodeSelectorTerms':[{'matchExpressions':[{'key':'zone','operator':'Gt','values':['1','2']}],"
                        + "'matchFields':[{'key':'metadata.labels','operator':'In','values':['a']}]}]},"
                        + "'preferredDuringSchedulingIgnoredDuringExecution':[{'weight':0,'preference':{}}]}}}}", List.of(
                        cause("FieldValueRequired", "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution."
                                + "nodeSelectorTerms[0].matchExpressions[0].values",
                                "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'"),
                        cause("FieldValueInvalid", "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution."
                                + "nodeSelectorTerms[0].matchFields[0].key", "Invalid value: \"metadata.labels\": not a valid field selector key"),
                        cause("FieldValueInvalid", "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
                                "Invalid value: 0: must be in the range 1-100"))),
                Arguments.of("pod anti-affinity topologyKey", "{'spec':{'affinity':{'podAntiAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':"
                        + "[{'labelSelector':{'matchExpressions':[{'key':'app','operator':'Has'}]},'topologyKey':'a b'}]}}}}", List.of(
                        cause("FieldValueInvalid", "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]."
                                + "labelSelector.matchExpressions[0].operator", "Invalid value: \"Has\": not a valid selector operator"),
                        cause("FieldValueInvalid", "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey",
                                "Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must "
                                        + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
                                        + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"))),
                Arguments.of("topology spread", "{'spec':{'topologySpreadConstraints':[{'maxSkew':0,'topologyKey':'zone',"
                        + "'whenUnsatisfiable':'DoNotSchedule'},{'maxSkew':1,'topologyKey':'zone','whenUnsatisfiable':'DoNotSchedule'},"
                        + "{'maxSkew':1,'topologyKey':'','whenUnsatisfiable':'Maybe','minDomains':2}]}}", List.of(
                        cause("FieldValueInvalid", "spec.topologySpreadConstraints[0].maxSkew", "Invalid value: 0: must be greater than zero"),
                        cause("FieldValueDuplicate", "spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}",
                                "Duplicate value: \"{zone, DoNotSchedule}\""),
                        cause("FieldValueRequired", "spec.topologySpreadConstraints[2].topologyKey", "Required value: can not be empty"),
                        cause("FieldValueNotSupported", "spec.topologySpreadConstraints[2].whenUnsatisfiable",
                                "Unsupported value: \"Maybe\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""),
                        cause("FieldValueInvalid", "spec.topologySpreadConstraints[2].minDomains",
                                "Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not Maybe"))),
                Arguments.of("duplicate host ports", "{'spec':{'containers':[{" + C + ",'ports':[{'containerPort':80,'hostPort':8080,"
                        + "'protocol':'TCP'}]},{'name':'b','image':'x','imagePullPolicy':'Always','terminationMessagePolicy':'File',"
                        + "'ports':[{'containerPort':81,'hostPort':8080,'protocol':'TCP'}]}]}}", List.of(cause("FieldValueDuplicate",
                        "spec.containers[1].ports[0].hostPort", "Duplicate value: \"TCP//8080\""))),
                Arguments.of("host network ports must match", "{'spec':{'hostNetwork':true,'containers':[{" + C
                        + ",'ports':[{'containerPort':80,'hostPort':8080,'protocol':'TCP'}]}]}}", List.of(cause("FieldValueInvalid",
                        C0 + "ports[0].hostPort", "Invalid value: 8080: must match `containerPort` when `hostNetwork` is true"))),
                Arguments.of("valueFrom needs a source", container("'env':[{'name':'A','valueFrom':{}}]"), List.of(cause(
                        "FieldValueInvalid", C0 + "env[0].valueFrom", "Invalid value: \"\": must specify one of: `fieldRef`, "
                                + "`resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"))),
                Arguments.of("valueFrom with two sources", container("'env':[{'name':'A','valueFrom':{'fieldRef':{'apiVersion':'v1',"
                        + "'fieldPath':'metadata.name'},'secretKeyRef':{'name':'s','key':'k'}}}]"), List.of(cause("FieldValueInvalid",
                        C0 + "env[0].valueFrom", "Invalid value: \"\": may not have more than one field specified at a time"))),
                Arguments.of("fieldRef paths", container("'env':[{'name':'A','valueFrom':{'fieldRef':{'apiVersion':'v1',"
                        + "'fieldPath':'status.phase'}}},{'name':'B','valueFrom':{'fieldRef':{'apiVersion':'v1','fieldPath':'spec.foo'}}}]"), List.of(
                        cause("FieldValueNotSupported", C0 + "env[0].valueFrom.fieldRef.fieldPath", "Unsupported value: \"status.phase\": "
                                + "supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", "
                                + "\"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\""),
                        cause("FieldValueInvalid", C0 + "env[1].valueFrom.fieldRef.fieldPath",
                                "Invalid value: \"spec.foo\": error converting fieldPath: field label not supported: spec.foo"))),
                Arguments.of("resourceFieldRef", container("'env':[{'name':'A','valueFrom':{'resourceFieldRef':{'resource':'limits.gpu'}}},"
                        + "{'name':'B','valueFrom':{'resourceFieldRef':{'resource':'limits.cpu','divisor':'2'}}}]"), List.of(
                        cause("FieldValueNotSupported", C0 + "env[0].valueFrom.resourceFieldRef.resource", "Unsupported value: \"limits.gpu\": "
                                + "supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", "
                                + "\"requests.ephemeral-storage\", \"requests.memory\""),
                        cause("FieldValueInvalid", C0 + "env[1].valueFrom.resourceFieldRef.divisor",
                                "Invalid value: \"limits.cpu\": only divisor's values 1m and 1 are supported with the cpu resource"))),
                Arguments.of("configMapKeyRef name and key", container("'env':[{'name':'A','valueFrom':{'configMapKeyRef':{'name':'',"
                        + "'key':''}}}]"), List.of(
                        cause("FieldValueInvalid", C0 + "env[0].valueFrom.configMapKeyRef.name", "Invalid value: \"\": a lowercase RFC 1123 "
                                + "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with "
                                + "an alphanumeric character (e.g. 'example.com', regex used for validation is "
                                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
                        cause("FieldValueRequired", C0 + "env[0].valueFrom.configMapKeyRef.key", "Required value"))),
                Arguments.of("envFrom", container("'envFrom':[{'prefix':'A=','configMapRef':{'name':'c'}},{}]"), List.of(
                        cause("FieldValueInvalid", C0 + "envFrom[0].prefix", "Invalid value: \"A=\": a valid environment variable name "
                                + "must consist only of printable ASCII characters other than '='"),
                        cause("FieldValueInvalid", C0 + "envFrom", "Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`"))),
                Arguments.of("dnsConfig for dnsPolicy None", "{'spec':{'dnsPolicy':'None','dnsConfig':{}}}", List.of(cause(
                        "FieldValueRequired", "spec.dnsConfig.nameservers",
                        "Required value: must provide at least one DNS nameserver when `dnsPolicy` is None"))),
                Arguments.of("dnsConfig values", "{'spec':{'dnsConfig':{'nameservers':['1.1.1.1','x'],'options':[{'value':'1'}]}}}", List.of(
                        cause("FieldValueInvalid", "spec.dnsConfig.nameservers[1]",
                                "Invalid value: \"x\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
                        cause("FieldValueRequired", "spec.dnsConfig.options[0]", "Required value: must not be empty"))),
                Arguments.of("readiness gate", "{'spec':{'readinessGates':[{'conditionType':'a/b/c'}]}}", List.of(cause("FieldValueInvalid",
                        "spec.readinessGates[0].conditionType", "Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric "
                                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
                                + "'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') "
                                + "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"))),
                Arguments.of("hostname and subdomain", "{'spec':{'hostname':'A','subdomain':'b.c'}}", List.of(
                        cause("FieldValueInvalid", "spec.hostname", "Invalid value: \"A\": a lowercase RFC 1123 label must consist of "
                                + "lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. "
                                + "'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"),
                        cause("FieldValueInvalid", "spec.subdomain", "Invalid value: \"b.c\": a lowercase RFC 1123 label must consist of "
                                + "lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. "
                                + "'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"))),
                Arguments.of("overhead resources", "{'spec':{'overhead':{'cpu':'-1','gpu':'1'}}}", List.of(
                        cause("FieldValueInvalid", "spec.overhead.limits[cpu]", "Invalid value: \"-1\": must be greater than or equal to 0"),
                        cause("FieldValueInvalid", "spec.overhead.limits[gpu]", "Invalid value: \"gpu\": must be a standard resource for containers"))),
                Arguments.of("preemption policy", "{'spec':{'preemptionPolicy':'Always'}}", List.of(cause("FieldValueNotSupported",
                        "spec.preemptionPolicy", "Unsupported value: \"Always\": supported values: \"PreemptLowerPriority\", \"Never\""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void create(String rule, String patch, List<Status.Cause> expected) {
        assertEquals(expected, Validation.validateCreate(merge(json(Objects.POD), patch)));
    }

    @Test
    void podMessageAsKubectlShowsIt() {
        List<Status.Cause> causes = Validation.validateCreate(merge(json(Objects.POD),
                container("'livenessProbe':{'successThreshold':3,'exec':{'command':['true']}}")));
        assertEquals("Pod \"web\" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1",
                Status.invalid("", "Pod", "web", causes).message());
    }
}
