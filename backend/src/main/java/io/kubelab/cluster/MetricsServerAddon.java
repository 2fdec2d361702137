package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Instant;
import java.util.List;

/**
 * metrics-server v0.7.2 as its release {@code components.yaml} installs it (plus {@code --kubelet-insecure-tls},
 * as course clusters run it): ServiceAccount, RBAC, Service, Deployment and the {@code v1beta1.metrics.k8s.io}
 * APIService. Applied through the API server; the cluster's own controllers, scheduler and kubelet then run
 * it, and {@link MetricsServerBackend} answers for it once its pod is ready.
 */
public final class MetricsServerAddon {

    static final String IMAGE = "registry.k8s.io/metrics-server/metrics-server:v0.7.2";
    static final UserInfo ADMIN = UserInfo.component("kubernetes-admin");

    private static final String LABELS = "{\"k8s-app\":\"metrics-server\"}";

    private MetricsServerAddon() {
    }

    /** Every object of components.yaml, in its order. */
    static List<ObjectNode> objects() {
        return List.of(
                Json.parse("{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"labels\":" + LABELS
                        + ",\"name\":\"metrics-server\",\"namespace\":\"kube-system\"}}"),
                Json.parse("""
                        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"labels":{"k8s-app":"metrics-server",
                          "rbac.authorization.k8s.io/aggregate-to-admin":"true","rbac.authorization.k8s.io/aggregate-to-edit":"true",
                          "rbac.authorization.k8s.io/aggregate-to-view":"true"},"name":"system:aggregated-metrics-reader"},
                         "rules":[{"apiGroups":["metrics.k8s.io"],"resources":["pods","nodes"],"verbs":["get","list","watch"]}]}
                        """),
                Json.parse("""
                        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"labels":{"k8s-app":"metrics-server"},
                          "name":"system:metrics-server"},
                         "rules":[{"apiGroups":[""],"resources":["nodes/metrics"],"verbs":["get"]},
                          {"apiGroups":[""],"resources":["pods","nodes"],"verbs":["get","list","watch"]}]}
                        """),
                Json.parse("""
                        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"labels":{"k8s-app":"metrics-server"},
                          "name":"metrics-server-auth-reader","namespace":"kube-system"},
                         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"extension-apiserver-authentication-reader"},
                         "subjects":[{"kind":"ServiceAccount","name":"metrics-server","namespace":"kube-system"}]}
                        """),
                Json.parse("""
                        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"labels":{"k8s-app":"metrics-server"},
                          "name":"metrics-server:system:auth-delegator"},
                         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"system:auth-delegator"},
                         "subjects":[{"kind":"ServiceAccount","name":"metrics-server","namespace":"kube-system"}]}
                        """),
                Json.parse("""
                        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"labels":{"k8s-app":"metrics-server"},
                          "name":"system:metrics-server"},
                         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"system:metrics-server"},
                         "subjects":[{"kind":"ServiceAccount","name":"metrics-server","namespace":"kube-system"}]}
                        """),
                Json.parse("""
                        {"apiVersion":"v1","kind":"Service","metadata":{"labels":{"k8s-app":"metrics-server"},"name":"metrics-server",
                          "namespace":"kube-system"},
                         "spec":{"ports":[{"name":"https","port":443,"protocol":"TCP","targetPort":"https"}],
                          "selector":{"k8s-app":"metrics-server"}}}
                        """),
                deployment(),
                Json.parse("""
                        {"apiVersion":"apiregistration.k8s.io/v1","kind":"APIService","metadata":{"labels":{"k8s-app":"metrics-server"},
                          "name":"v1beta1.metrics.k8s.io"},
                         "spec":{"group":"metrics.k8s.io","groupPriorityMinimum":100,"insecureSkipTLSVerify":true,
                          "service":{"name":"metrics-server","namespace":"kube-system","port":443},"version":"v1beta1","versionPriority":100}}
                        """));
    }

    static ObjectNode deployment() {
        return Json.parse("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"k8s-app":"metrics-server"},"name":"metrics-server",
                  "namespace":"kube-system"},
                 "spec":{"selector":{"matchLabels":{"k8s-app":"metrics-server"}},"strategy":{"rollingUpdate":{"maxUnavailable":0}},
                  "template":{"metadata":{"labels":{"k8s-app":"metrics-server"}},
                   "spec":{"containers":[{"args":["--cert-dir=/tmp","--secure-port=10250",
                       "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname","--kubelet-use-node-status-port",
                       "--metric-resolution=15s","--kubelet-insecure-tls"],
                     "image":"${image}","imagePullPolicy":"IfNotPresent",
                     "livenessProbe":{"failureThreshold":3,"httpGet":{"path":"/livez","port":"https","scheme":"HTTPS"},"periodSeconds":10},
                     "name":"metrics-server","ports":[{"containerPort":10250,"name":"https","protocol":"TCP"}],
                     "readinessProbe":{"failureThreshold":3,"httpGet":{"path":"/readyz","port":"https","scheme":"HTTPS"},
                       "initialDelaySeconds":20,"periodSeconds":10},
                     "resources":{"requests":{"cpu":"100m","memory":"200Mi"}},
                     "securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"readOnlyRootFilesystem":true,
                       "runAsNonRoot":true,"runAsUser":1000,"seccompProfile":{"type":"RuntimeDefault"}},
                     "volumeMounts":[{"mountPath":"/tmp","name":"tmp-dir"}]}],
                    "nodeSelector":{"kubernetes.io/os":"linux"},"priorityClassName":"system-cluster-critical",
                    "serviceAccountName":"metrics-server","volumes":[{"emptyDir":{},"name":"tmp-dir"}]}}}}
                """.replace("${image}", IMAGE));
    }

    /**
     * Applies components.yaml as {@code kubectl apply} would (as the cluster's admin), and marks the APIService
     * Available as kube-apiserver's availability controller reports a reachable one.
     */
    public static void install(ApiServer api, Instant now) {
        for (ObjectNode object : objects()) {
            ResourceType type = ResourceTypes.of(object.path("apiVersion").asText(), object.path("kind").asText());
            ObjectNode created = api.handle(ApiRequest.of(ADMIN, ApiRequest.Verb.CREATE, type,
                    type.namespaced() ? ObjectMeta.namespace(object) : "", "").withBody(object)).body();
            if (type.kind().equals("APIService")) {
                ObjectNode body = created.deepCopy();
                body.putObject("status").putArray("conditions").addObject().put("lastTransitionTime", ObjectMeta.time(now))
                        .put("message", "all checks passed").put("reason", "Passed").put("status", "True")
                        .put("type", "Available");
                api.handle(ApiRequest.of(ADMIN, ApiRequest.Verb.UPDATE, type, "", ObjectMeta.name(created))
                        .withSubresource("status").withBody(body));
            }
        }
    }
}
