package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default roles and bindings of a kubeadm 1.32 cluster, and what they let the usual identities do. */
class BootstrapPolicyTest {

    private static final Authorizer CLUSTER = UnionAuthorizer.kubeadm(BootstrapPolicy.source());

    @Test
    void clusterAdminAsTheApiServerReturnsIt() {
        assertEquals("{\"kind\":\"ClusterRole\",\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"metadata\":"
                        + "{\"name\":\"cluster-admin\",\"labels\":{\"kubernetes.io/bootstrapping\":\"rbac-defaults\"},"
                        + "\"annotations\":{\"rbac.authorization.kubernetes.io/autoupdate\":\"true\"}},"
                        + "\"rules\":[{\"verbs\":[\"*\"],\"apiGroups\":[\"*\"],\"resources\":[\"*\"]},"
                        + "{\"verbs\":[\"*\"],\"nonResourceURLs\":[\"*\"]}]}",
                BootstrapPolicy.clusterRole("cluster-admin").orElseThrow().toString());
    }

    @Test
    void aggregatedRolesKeepTheirLabelsAndRuleAndGetRulesBeforeIt() {
        ObjectNode edit = BootstrapPolicy.clusterRole("edit").orElseThrow();
        assertEquals("{\"name\":\"edit\",\"labels\":{\"kubernetes.io/bootstrapping\":\"rbac-defaults\","
                        + "\"rbac.authorization.k8s.io/aggregate-to-admin\":\"true\"},"
                        + "\"annotations\":{\"rbac.authorization.kubernetes.io/autoupdate\":\"true\"}}",
                edit.get("metadata").toString());
        assertEquals(List.of("kind", "apiVersion", "metadata", "rules", "aggregationRule"), fieldNames(edit));
        assertEquals("{\"clusterRoleSelectors\":[{\"matchLabels\":{\"rbac.authorization.k8s.io/aggregate-to-edit\":"
                + "\"true\"}}]}", edit.get("aggregationRule").toString());
        // edit = system:aggregate-to-edit (13 rules) then view's 10 (sorted by role name: "system:..." < "view")
        assertEquals(23, edit.get("rules").size());
        assertEquals(BootstrapPolicy.clusterRole("system:aggregate-to-edit").orElseThrow().get("rules").get(0),
                edit.get("rules").get(0));
        assertEquals(BootstrapPolicy.clusterRole("view").orElseThrow().get("rules").get(0), edit.get("rules").get(13));
        // admin = edit's rules then system:aggregate-to-admin's two ("edit" < "system:aggregate-to-admin")
        ObjectNode admin = BootstrapPolicy.clusterRole("admin").orElseThrow();
        assertEquals(25, admin.get("rules").size());
        assertEquals("{\"verbs\":[\"create\"],\"apiGroups\":[\"authorization.k8s.io\"],"
                + "\"resources\":[\"localsubjectaccessreviews\"]}", admin.get("rules").get(23).toString());
        assertEquals(10, BootstrapPolicy.clusterRole("view").orElseThrow().get("rules").size());
    }

    @Test
    void kubeadmBindingsCarryNoBootstrapMetadata() {
        assertEquals("{\"kind\":\"ClusterRoleBinding\",\"apiVersion\":\"rbac.authorization.k8s.io/v1\","
                        + "\"metadata\":{\"name\":\"kubeadm:node-proxier\"},"
                        + "\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"kube-proxy\",\"namespace\":\"kube-system\"}],"
                        + "\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\","
                        + "\"name\":\"system:node-proxier\"}}",
                BootstrapPolicy.clusterRoleBinding("kubeadm:node-proxier").orElseThrow().toString());
        assertEquals("{\"name\":\"system:public-info-viewer\",\"labels\":{\"kubernetes.io/bootstrapping\":"
                        + "\"rbac-defaults\"},\"annotations\":{\"rbac.authorization.kubernetes.io/autoupdate\":\"true\"}}",
                BootstrapPolicy.clusterRoleBinding("system:public-info-viewer").orElseThrow().get("metadata").toString());
    }

    @Test
    void everyNamedRoleAndBindingIsThere() {
        List<String> roles = BootstrapPolicy.clusterRoles().stream()
                .map(r -> r.path("metadata").path("name").asText()).toList();
        for (String name : List.of("cluster-admin", "admin", "edit", "view", "system:basic-user", "system:discovery",
                "system:public-info-viewer", "system:aggregate-to-admin", "system:aggregate-to-edit",
                "system:aggregate-to-view", "system:kube-scheduler", "system:kube-controller-manager", "system:node",
                "system:node-proxier")) {
            assertTrue(roles.contains(name), name);
        }
        List<String> bindings = BootstrapPolicy.clusterRoleBindings().stream()
                .map(r -> r.path("metadata").path("name").asText()).toList();
        assertEquals(List.of("cluster-admin", "system:discovery", "system:basic-user", "system:public-info-viewer",
                "system:node-proxier", "system:kube-controller-manager", "system:kube-scheduler", "system:node",
                "kubeadm:cluster-admins", "kubeadm:node-proxier"), bindings);
    }

    // view and edit bound in namespace "dev" to jane and to the SA dev:ci
    private static final RbacSource WITH_ROLEBINDINGS = new InMemoryRbacSource(BootstrapPolicy.clusterRoles(),
            BootstrapPolicy.clusterRoleBindings(), List.of(),
            List.of(Json.roleBinding("dev", "jane-view", "ClusterRole", "view",
                            "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]"),
                    Json.roleBinding("dev", "ci-edit", "ClusterRole", "edit",
                            "[{'kind':'ServiceAccount','name':'ci'}]"),
                    Json.roleBinding("dev", "lead-admin", "ClusterRole", "admin",
                            "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'lead'}]")));

    @ParameterizedTest(name = "{0} {1} {2}/{3}/{4} -> {5}")
    @CsvSource(delimiter = '|', value = {
            "jane                         | get    | -    | secrets      | -       | false",
            "jane                         | list   | -    | secrets      | -       | false",
            "jane                         | list   | -    | pods         | -       | true",
            "jane                         | get    | -    | pods         | log     | true",
            "jane                         | create | -    | pods         | exec    | false",
            "jane                         | get    | apps | deployments  | scale   | true",
            "jane                         | update | apps | deployments  | scale   | false",
            "jane                         | list   | rbac.authorization.k8s.io | roles | - | false",
            "system:serviceaccount:dev:ci | get    | -    | secrets      | -       | true",
            "system:serviceaccount:dev:ci | create | -    | secrets      | -       | true",
            "system:serviceaccount:dev:ci | create | -    | pods         | exec    | true",
            "system:serviceaccount:dev:ci | patch  | apps | deployments  | scale   | true",
            "system:serviceaccount:dev:ci | list   | -    | pods         | -       | true",
            "system:serviceaccount:dev:ci | create | -    | serviceaccounts | token | true",
            "system:serviceaccount:dev:ci | update | -    | resourcequotas | -     | false",
            "system:serviceaccount:dev:ci | create | rbac.authorization.k8s.io | rolebindings | - | false",
            "lead                         | create | rbac.authorization.k8s.io | rolebindings | - | true",
            "lead                         | delete | -    | secrets      | -       | true",
    })
    void viewEditAndAdminInANamespace(String user, String verb, String group, String resource, String sub,
                                      boolean allowed) {
        Attributes request = Attributes.resource(user, List.of("system:authenticated"), verb,
                group.equals("-") ? "" : group, resource, sub.equals("-") ? "" : sub, "dev", "");
        assertEquals(allowed, new RbacAuthorizer(WITH_ROLEBINDINGS).authorize(request).allowed());
    }

    @ParameterizedTest(name = "{0} [{1}] {2} {3}/{4} in {5} -> {6}")
    @CsvSource(delimiter = '|', value = {
            "kubernetes-admin                        | kubeadm:cluster-admins;system:authenticated | delete | -  | nodes | - | true",
            "system:kube-scheduler                   | system:authenticated | create | -          | pods | kube-system | false",
            "system:kube-scheduler                   | system:authenticated | create | -          | bindings | default | true",
            "system:kube-scheduler                   | system:authenticated | get    | coordination.k8s.io | leases | kube-system | false",
            "system:kube-controller-manager          | system:authenticated | list   | apps       | deployments | - | true",
            "system:kube-controller-manager          | system:authenticated | delete | apps       | deployments | default | false",
            "system:serviceaccount:kube-system:kube-proxy | system:serviceaccounts | watch | discovery.k8s.io | endpointslices | - | true",
            "system:kube-proxy                       | system:authenticated | list   | -          | services | - | true",
            "jane                                    | system:authenticated | create | authorization.k8s.io | selfsubjectaccessreviews | - | true",
            "jane                                    | system:authenticated | list   | -          | namespaces | - | false",
            "system:anonymous                        | system:unauthenticated | create | authorization.k8s.io | selfsubjectaccessreviews | - | false",
    })
    void bootstrapBindings(String user, String groups, String verb, String group, String resource, String ns,
                           boolean allowed) {
        Attributes request = Attributes.resource(user, List.of(groups.split(";")), verb,
                group.equals("-") ? "" : group, resource, "", ns.equals("-") ? "" : ns, "");
        assertEquals(allowed, CLUSTER.authorize(request).allowed());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "system:unauthenticated | /version    | true",
            "system:unauthenticated | /healthz    | true",
            "system:unauthenticated | /apis       | false",
            "system:authenticated   | /apis/apps  | true",
            "system:authenticated   | /openapi/v3 | true",
            "system:authenticated   | /metrics    | false",
    })
    void discoveryAndPublicInfo(String group, String path, boolean allowed) {
        assertEquals(allowed, CLUSTER.authorize(Attributes.nonResource("someone", List.of(group), "get", path))
                .allowed());
    }

    private static List<String> fieldNames(ObjectNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
