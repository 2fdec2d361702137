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

/** Ingress, IngressClass, NetworkPolicy, HorizontalPodAutoscaler, EndpointSlice, Event and PersistentVolume. */
class NetworkingValidationTest {

    private static final String ING = "{'apiVersion':'networking.k8s.io/v1','kind':'Ingress','metadata':{'name':'x',"
            + "'namespace':'default','resourceVersion':'1'},'spec':{'rules':[{'host':'a.example.com','http':{'paths':[{'path':'/',"
            + "'pathType':'Prefix','backend':{'service':{'name':'web','port':{'number':80}}}}]}}]}}";
    private static final String IC = "{'apiVersion':'networking.k8s.io/v1','kind':'IngressClass','metadata':{'name':'nginx',"
            + "'resourceVersion':'1'},'spec':{'controller':'k8s.io/ingress-nginx'}}";
    private static final String NP = "{'apiVersion':'networking.k8s.io/v1','kind':'NetworkPolicy','metadata':{'name':'np',"
            + "'namespace':'default'},'spec':{'podSelector':{},'policyTypes':['Ingress']}}";
    private static final String HPA = "{'apiVersion':'autoscaling/v2','kind':'HorizontalPodAutoscaler','metadata':{'name':'h',"
            + "'namespace':'default','resourceVersion':'1'},'spec':{'scaleTargetRef':{'apiVersion':'apps/v1','kind':'Deployment',"
            + "'name':'web'},'minReplicas':1,'maxReplicas':3,'metrics':[{'type':'Resource','resource':{'name':'cpu','target':"
            + "{'type':'Utilization','averageUtilization':80}}}]}}";
    private static final String EPS = "{'apiVersion':'discovery.k8s.io/v1','kind':'EndpointSlice','metadata':{'name':'web-1',"
            + "'namespace':'default','resourceVersion':'1'},'addressType':'IPv4','endpoints':[{'addresses':['10.0.0.5']}],"
            + "'ports':[{'name':'http','port':80,'protocol':'TCP'}]}";
    private static final String EV = "{'apiVersion':'v1','kind':'Event','metadata':{'name':'e1','namespace':'default'},"
            + "'involvedObject':{'kind':'Pod','namespace':'default','name':'web'},'reason':'Started','message':'ok','type':'Normal'}";
    private static final String EV2 = "{'apiVersion':'events.k8s.io/v1','kind':'Event','metadata':{'name':'e2','namespace':'default',"
            + "'resourceVersion':'1'},'eventTime':'2024-05-01T10:00:00.000000Z','regarding':{'kind':'Pod','namespace':'default',"
            + "'name':'web'},'reportingController':'kubelab.io/kubelet','reportingInstance':'node-1','action':'Start',"
            + "'reason':'Started','note':'ok','type':'Normal'}";
    private static final String PV = "{'apiVersion':'v1','kind':'PersistentVolume','metadata':{'name':'pv1','resourceVersion':'1'},"
            + "'spec':{'capacity':{'storage':'1Gi'},'accessModes':['ReadWriteOnce'],'persistentVolumeReclaimPolicy':'Retain',"
            + "'volumeMode':'Filesystem','hostPath':{'path':'/data','type':''}}}";
    private static final String PORT_RANGE = "must be between 1 and 65535, inclusive";

    static Stream<Arguments> creates() {
        return Stream.of(
                Arguments.of("valid ingress", ING, "{}", List.of()),
                Arguments.of("ingress needs rules or default backend", ING, "{'spec':{'rules':null}}", List.of(cause(
                        "FieldValueInvalid", "spec", "Invalid value: []networking.IngressRule(nil): either `defaultBackend` or "
                                + "`rules` must be specified"))),
                Arguments.of("host may not be an IP", ING, "{'spec':{'rules':[{'host':'10.0.0.1'}]}}", List.of(cause(
                        "FieldValueInvalid", "spec.rules[0].host", "Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address"))),
                Arguments.of("wildcard host", ING, "{'spec':{'rules':[{'host':'*.*.example.com'}]}}", List.of(cause(
                        "FieldValueInvalid", "spec.rules[0].host", "Invalid value: \"*.*.example.com\": a wildcard DNS-1123 "
                                + "subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower "
                                + "case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. "
                                + "'*.example.com', regex used for validation is "
                                + "'\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"))),
                Arguments.of("http paths required", ING, "{'spec':{'rules':[{'http':{'paths':[]}}]}}",
                        List.of(cause("FieldValueRequired", "spec.rules[0].http.paths", "Required value"))),
                Arguments.of("pathType required", ING, "{'spec':{'rules':[{'http':{'paths':[{'path':'/'}]}}]}}", List.of(cause(
                        "FieldValueRequired", "spec.rules[0].http.paths[0].pathType", "Required value: pathType must be specified"))),
                Arguments.of("prefix path rules", ING, "{'spec':{'rules':[{'http':{'paths':[{'path':'a//b/..','pathType':'Prefix',"
                        + "'backend':{'service':{'name':'web','port':{'number':80}}}}]}}]}}", List.of(
                        cause("FieldValueInvalid", "spec.rules[0].http.paths[0].path", "Invalid value: \"a//b/..\": must be an absolute path"),
                        cause("FieldValueInvalid", "spec.rules[0].http.paths[0].path", "Invalid value: \"a//b/..\": must not contain '//'"),
                        cause("FieldValueInvalid", "spec.rules[0].http.paths[0].path", "Invalid value: \"a//b/..\": cannot end with '/..'"))),
                Arguments.of("pathType values", ING, "{'spec':{'rules':[{'http':{'paths':[{'path':'/','pathType':'Regex',"
                        + "'backend':{'service':{'name':'web','port':{'number':80}}}}]}}]}}", List.of(cause("FieldValueNotSupported",
                        "spec.rules[0].http.paths[0].pathType", "Unsupported value: \"Regex\": supported values: \"Exact\", "
                                + "\"ImplementationSpecific\", \"Prefix\""))),
                Arguments.of("backend needs service or resource", ING, "{'spec':{'rules':null,'defaultBackend':{}}}", List.of(cause(
                        "FieldValueInvalid", "spec.defaultBackend", "Invalid value: \"\": resource or service backend is required"))),
                Arguments.of("backend not both", ING, "{'spec':{'rules':null,'defaultBackend':{'service':{'name':'web','port':"
                        + "{'number':80}},'resource':{'kind':'Bucket','name':'b'}}}}", List.of(cause("FieldValueInvalid",
                        "spec.defaultBackend", "Invalid value: \"\": cannot set both resource and service backends"))),
                Arguments.of("service port required", ING, "{'spec':{'rules':null,'defaultBackend':{'service':{'name':'web'}}}}",
                        List.of(cause("FieldValueRequired", "spec.defaultBackend", "Required value: port name or number is required"))),
                Arguments.of("service port number range", ING, "{'spec':{'rules':null,'defaultBackend':{'service':{'name':'web',"
                        + "'port':{'number':70000}}}}}", List.of(cause("FieldValueInvalid", "spec.defaultBackend.service.port.number",
                        "Invalid value: 70000: " + PORT_RANGE))),
                Arguments.of("resource backend kind", ING, "{'spec':{'rules':null,'defaultBackend':{'resource':{'name':'b'}}}}",
                        List.of(cause("FieldValueRequired", "spec.defaultBackend.resource.kind", "Required value: kind is required"))),
                Arguments.of("tls secret name", ING, "{'spec':{'tls':[{'hosts':['a.example.com'],'secretName':'Bad'}]}}", List.of(
                        cause("FieldValueInvalid", "spec.tls[0].secretName", "Invalid value: \"Bad\": " + Objects.SUBDOMAIN_MSG))),
                Arguments.of("class annotation must match", ING, "{'metadata':{'annotations':{'kubernetes.io/ingress.class':'a'}},"
                        + "'spec':{'ingressClassName':'b'}}", List.of(cause("FieldValueInvalid", "annotations.kubernetes.io/ingress.class",
                        "Invalid value: \"a\": must match `ingressClassName` when both are specified"))),
                Arguments.of("valid ingress class", IC, "{}", List.of()),
                Arguments.of("ingress class controller", IC, "{'spec':{'controller':'nginx'}}", List.of(cause("FieldValueInvalid",
                        "spec.controller", "Invalid value: \"nginx\": must be a domain-prefixed path (such as \"acme.io/foo\")"))),
                Arguments.of("ingress class parameters scope", IC, "{'spec':{'parameters':{'kind':'Params','name':'p','scope':'Cluster',"
                        + "'namespace':'x'}}}", List.of(cause("FieldValueForbidden", "spec.parameters.namespace",
                        "Forbidden: `parameters.scope` is set to 'Cluster'"))),
                Arguments.of("valid network policy", NP, "{}", List.of()),
                Arguments.of("policy types", NP, "{'spec':{'policyTypes':['Both']}}", List.of(cause("FieldValueNotSupported",
                        "spec.policyTypes[0]", "Unsupported value: \"Both\": supported values: \"Ingress\", \"Egress\""))),
                Arguments.of("too many policy types", NP, "{'spec':{'policyTypes':['Ingress','Egress','Ingress']}}", List.of(cause(
                        "FieldValueInvalid", "spec.policyTypes", "Invalid value: []networking.PolicyType{\"Ingress\", \"Egress\", "
                                + "\"Ingress\"}: may not specify more than two policyTypes"))),
                Arguments.of("port protocol and endPort", NP, "{'spec':{'ingress':[{'ports':[{'protocol':'ICMP','port':'http',"
                        + "'endPort':90}]}]}}", List.of(
                        cause("FieldValueNotSupported", "spec.ingress[0].ports[0].protocol",
                                "Unsupported value: \"ICMP\": supported values: \"TCP\", \"UDP\", \"SCTP\""),
                        cause("FieldValueInvalid", "spec.ingress[0].ports[0].endPort",
                                "Invalid value: 90: may not be specified when `port` is non-numeric"))),
                Arguments.of("endPort below port", NP, "{'spec':{'egress':[{'ports':[{'port':100,'endPort':90}]}]}}", List.of(cause(
                        "FieldValueInvalid", "spec.egress[0].ports[0].endPort", "Invalid value: 90: must be greater than or equal to `port`"))),
                Arguments.of("peer required", NP, "{'spec':{'ingress':[{'from':[{}]}]}}", List.of(cause("FieldValueRequired",
                        "spec.ingress[0].from[0]", "Required value: must specify a peer"))),
                Arguments.of("ipBlock alone", NP, "{'spec':{'ingress':[{'from':[{'podSelector':{},'ipBlock':{'cidr':'10.0.0.0/8'}}]}]}}",
                        List.of(cause("FieldValueForbidden", "spec.ingress[0].from[0]", "Forbidden: may not specify both ipBlock and another peer"))),
                Arguments.of("cidr and except", NP, "{'spec':{'egress':[{'to':[{'ipBlock':{'cidr':'10.0.0.0/16','except':['10.1.0.0/24',"
                        + "'10.0.0.0/33']}}]}]}}", List.of(
                        cause("FieldValueInvalid", "spec.egress[0].to[0].ipBlock.except[0]", "Invalid value: \"10.1.0.0/24\": must be a strict subset of `cidr`"),
                        cause("FieldValueInvalid", "spec.egress[0].to[0].ipBlock.except[1]",
                                "Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"))),
                Arguments.of("valid hpa", HPA, "{}", List.of()),
                Arguments.of("hpa replicas", HPA, "{'spec':{'minReplicas':0,'maxReplicas':0}}", List.of(
                        cause("FieldValueInvalid", "spec.minReplicas", "Invalid value: 0: must be greater than or equal to 1"),
                        cause("FieldValueInvalid", "spec.maxReplicas", "Invalid value: 0: must be greater than 0"),
                        cause("FieldValueForbidden", "spec.metrics", "Forbidden: must specify at least one Object or External metric "
                                + "to support scaling to zero replicas"))),
                Arguments.of("hpa max below min", HPA, "{'spec':{'minReplicas':5}}", List.of(cause("FieldValueInvalid",
                        "spec.maxReplicas", "Invalid value: 3: must be greater than or equal to `minReplicas`"))),
                Arguments.of("hpa target ref", HPA, "{'spec':{'scaleTargetRef':{'kind':'','name':'a/b'}}}", List.of(
                        cause("FieldValueRequired", "spec.scaleTargetRef.kind", "Required value"),
                        cause("FieldValueInvalid", "spec.scaleTargetRef.name", "Invalid value: \"a/b\": may not contain '/'"))),
                Arguments.of("hpa metric source must match type", HPA, "{'spec':{'metrics':[{'type':'Pods','resource':{'name':'cpu',"
                        + "'target':{'type':'Utilization','averageUtilization':80}}}]}}", List.of(
                        cause("FieldValueRequired", "spec.metrics[0].pods", "Required value: must populate information for the given metric source"))),
                Arguments.of("hpa metric with two sources", HPA, "{'spec':{'metrics':[{'type':'Resource','pods':{'metric':{'name':'q'},"
                        + "'target':{'type':'AverageValue','averageValue':'1'}},'resource':{'name':'cpu','target':{'type':'Utilization',"
                        + "'averageUtilization':80}}}]}}", List.of(
                        cause("FieldValueForbidden", "spec.metrics[0].pods", "Forbidden: must populate the given metric source only"))),
                Arguments.of("hpa target", HPA, "{'spec':{'metrics':[{'type':'Resource','resource':{'name':'cpu','target':{'type':'Max',"
                        + "'averageUtilization':0}}}]}}", List.of(
                        cause("FieldValueInvalid", "spec.metrics[0].resource.target.type",
                                "Invalid value: \"Max\": must be either Utilization, Value, or AverageValue"),
                        cause("FieldValueInvalid", "spec.metrics[0].resource.target.averageUtilization", "Invalid value: 0: must be greater than 0"))),
                Arguments.of("hpa pods target quantity", HPA, "{'spec':{'metrics':[{'type':'Pods','pods':{'metric':{'name':'qps'},"
                        + "'target':{'type':'AverageValue','averageValue':'-1'}}}]}}", List.of(cause("FieldValueInvalid",
                        "spec.metrics[0].pods.target.averageValue", "Invalid value: resource.Quantity{i:resource.int64Amount{value:-1, "
                                + "scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"-1\", Format:\"DecimalSI\"}: must be positive"))),
                Arguments.of("hpa behavior", HPA, "{'spec':{'behavior':{'scaleUp':{'stabilizationWindowSeconds':4000,'selectPolicy':'Any',"
                        + "'policies':[{'type':'Nodes','value':0,'periodSeconds':1801}]}}}}", List.of(
                        cause("FieldValueInvalid", "spec.behavior.scaleUp.stabilizationWindowSeconds", "Invalid value: 4000: must be less than or equal to 3600"),
                        cause("FieldValueNotSupported", "spec.behavior.scaleUp.selectPolicy",
                                "Unsupported value: \"Any\": supported values: \"Disabled\", \"Max\", \"Min\""),
                        cause("FieldValueNotSupported", "spec.behavior.scaleUp.policies[0].type",
                                "Unsupported value: \"Nodes\": supported values: \"Percent\", \"Pods\""),
                        cause("FieldValueInvalid", "spec.behavior.scaleUp.policies[0].value", "Invalid value: 0: must be greater than zero"),
                        cause("FieldValueInvalid", "spec.behavior.scaleUp.policies[0].periodSeconds", "Invalid value: 1801: must be less than or equal to 1800"))),
                Arguments.of("valid endpoint slice", EPS, "{}", List.of()),
                Arguments.of("address type", EPS, "{'addressType':'IP'}", List.of(cause("FieldValueNotSupported", "addressType",
                        "Unsupported value: \"IP\": supported values: \"FQDN\", \"IPv4\", \"IPv6\""))),
                Arguments.of("addresses per type", EPS, "{'endpoints':[{'addresses':['fd00::1','127.0.0.1']},{'addresses':[]}]}", List.of(
                        cause("FieldValueInvalid", "endpoints[0].addresses[0]", "Invalid value: \"fd00::1\": must be a valid IPv4 address"),
                        cause("FieldValueInvalid", "endpoints[0].addresses[1]",
                                "Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)"),
                        cause("FieldValueRequired", "endpoints[1].addresses", "Required value: must contain at least 1 address"))),
                Arguments.of("endpoint slice ports", EPS, "{'ports':[{'name':'http','protocol':'TCP'},{'name':'http'}]}", List.of(
                        cause("FieldValueDuplicate", "ports[1].name", "Duplicate value: \"http\""),
                        cause("FieldValueRequired", "ports[1].protocol", "Required value"))),
                Arguments.of("core event namespace mismatch", EV, "{'involvedObject':{'namespace':'other'}}", List.of(cause(
                        "FieldValueInvalid", "involvedObject.namespace", "Invalid value: \"other\": does not match event.namespace"))),
                Arguments.of("core event with eventTime needs reporting fields", EV, "{'eventTime':'2024-05-01T10:00:00.000000Z'}", List.of(
                        cause("FieldValueRequired", "reportingComponent", "Required value"),
                        cause("FieldValueInvalid", "reportingComponent", "Invalid value: \"\": name part must be non-empty"),
                        cause("FieldValueInvalid", "reportingComponent", "Invalid value: \"\": name part must consist of alphanumeric "
                                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  "
                                + "or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
                        cause("FieldValueRequired", "reportingInstance", "Required value"),
                        cause("FieldValueRequired", "action", "Required value"))),
                Arguments.of("valid events.k8s.io event", EV2, "{}", List.of()),
                Arguments.of("strict event", EV2, "{'type':'Info','deprecatedCount':3,'series':{'count':1}}", List.of(
                        cause("FieldValueInvalid", "series.count", "Invalid value: \"\": should be at least 2"),
                        cause("FieldValueRequired", "series.lastObservedTime", "Required value"),
                        cause("FieldValueInvalid", "type", "Invalid value: \"\": has invalid value: Info"),
                        cause("FieldValueInvalid", "count", "Invalid value: \"\": needs to be unset"))),
                Arguments.of("valid persistent volume", PV, "{}", List.of()),
                Arguments.of("pv capacity, modes and source", PV, "{'spec':{'capacity':null,'accessModes':['ReadWriteOncePod','ReadWriteOnce'],"
                        + "'hostPath':null,'persistentVolumeReclaimPolicy':'Keep'}}", List.of(
                        cause("FieldValueForbidden", "spec.accessModes", "Forbidden: may not use ReadWriteOncePod with other access modes"),
                        cause("FieldValueRequired", "spec.capacity", "Required value"),
                        cause("FieldValueNotSupported", "spec.capacity", "Unsupported value: core.ResourceList(nil): supported values: \"storage\""),
                        cause("FieldValueNotSupported", "spec.persistentVolumeReclaimPolicy",
                                "Unsupported value: \"Keep\": supported values: \"Delete\", \"Recycle\", \"Retain\""),
                        cause("FieldValueRequired", "spec", "Required value: must specify a volume type"))),
                Arguments.of("pv two sources", PV, "{'spec':{'nfs':{'server':'s','path':'/x'}}}", List.of(cause("FieldValueForbidden",
                        "spec.nfs", "Forbidden: may not specify more than 1 volume type"))),
                Arguments.of("local pv needs node affinity", PV, "{'spec':{'hostPath':null,'local':{'path':'/mnt/disk'}}}", List.of(cause(
                        "FieldValueRequired", "spec.nodeAffinity", "Required value: Local volume requires node affinity"))),
                Arguments.of("pv node affinity terms", PV, "{'spec':{'nodeAffinity':{'required':{'nodeSelectorTerms':[]}}}}", List.of(cause(
                        "FieldValueRequired", "spec.nodeAffinity.required.nodeSelectorTerms",
                        "Required value: must have at least one node selector term"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void create(String rule, String base, String patch, List<Status.Cause> expected) {
        assertEquals(expected, Validation.validateCreate(merge(json(base), patch)));
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                Arguments.of("ingress class controller immutable", IC, "{'spec':{'controller':'k8s.io/other'}}", List.of(cause(
                        "FieldValueInvalid", "spec.controller", "Invalid value: \"k8s.io/other\": field is immutable"))),
                Arguments.of("hpa may keep minReplicas zero", HPA.replace("'minReplicas':1", "'minReplicas':0"), "{'spec':{'maxReplicas':4}}",
                        List.of(cause("FieldValueForbidden", "spec.metrics", "Forbidden: must specify at least one Object or External "
                                + "metric to support scaling to zero replicas"))),
                Arguments.of("endpoint slice address type immutable", EPS, "{'addressType':'IPv6','endpoints':[{'addresses':['fd00::5']}]}",
                        List.of(cause("FieldValueInvalid", "addressType", "Invalid value: \"IPv6\": field is immutable"))),
                Arguments.of("event reason immutable", EV2, "{'reason':'Killed'}", List.of(
                        cause("FieldValueInvalid", "reason", "Invalid value: \"Killed\": field is immutable"),
                        cause("FieldValueInvalid", "reason", "Invalid value: \"Killed\": field is immutable"))),
                Arguments.of("pv volumeMode immutable", PV, "{'spec':{'volumeMode':'Block'}}", List.of(cause("FieldValueInvalid",
                        "volumeMode", "Invalid value: \"Block\": field is immutable"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void update(String rule, String base, String patch, List<Status.Cause> expected) {
        assertEquals(expected, Validation.validateUpdate(merge(json(base), patch), json(base)));
    }

    @Test
    void ingressMessageAsKubectlShowsIt() {
        List<Status.Cause> causes = Validation.validateCreate(merge(json(ING), "{'spec':{'rules':[{'host':'10.0.0.1'}],"
                + "'defaultBackend':{'service':{'name':'Web','port':{'number':80}}}}}"));
        assertEquals("Ingress.networking.k8s.io \"x\" is invalid: [spec.defaultBackend.service.name: Invalid value: \"Web\": a "
                + "DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, "
                + "and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                + "'[a-z]([-a-z0-9]*[a-z0-9])?'), spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address]",
                Status.invalid("networking.k8s.io", "Ingress", "x", causes).message());
    }

    @Test
    void networkPolicyMessageAsKubectlShowsIt() {
        List<Status.Cause> causes = Validation.validateCreate(merge(json(NP), "{'spec':{'ingress':[{'from':[{}]}]}}"));
        assertEquals("NetworkPolicy.networking.k8s.io \"np\" is invalid: spec.ingress[0].from[0]: Required value: must specify a peer",
                Status.invalid("networking.k8s.io", "NetworkPolicy", "np", causes).message());
    }
}
