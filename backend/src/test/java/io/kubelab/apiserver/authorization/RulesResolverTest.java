package io.kubelab.apiserver.authorization;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kubelab.apiserver.authorization.Json.clusterRole;
import static io.kubelab.apiserver.authorization.Json.clusterRoleBinding;
import static io.kubelab.apiserver.authorization.Json.roleBinding;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** SelfSubjectRulesReview status as RBAC fills it for kubectl auth can-i --list. */
class RulesResolverTest {

    private static final RbacSource POLICY = new InMemoryRbacSource(
            List.of(clusterRole("reader", "[{'verbs':['get','list'],'apiGroups':[''],'resources':['pods'],"
                            + "'resourceNames':['web']},{'verbs':['get'],'nonResourceURLs':['/healthz']}]"),
                    clusterRole("mixed", "[{'verbs':['get'],'apiGroups':['apps'],'resources':['deployments'],"
                            + "'nonResourceURLs':['/version']}]")),
            List.of(clusterRoleBinding("health", "ClusterRole", "mixed",
                    "[{'kind':'Group','apiGroup':'rbac.authorization.k8s.io','name':'system:authenticated'}]")),
            List.of(),
            List.of(roleBinding("dev", "jane-read", "ClusterRole", "reader",
                            "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]"),
                    roleBinding("dev", "jane-broken", "Role", "gone",
                            "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]")));

    private final RulesResolver resolver = new RulesResolver(POLICY);

    @Test
    void clusterBindingsFirstThenTheNamespacesOwn() {
        assertEquals("{\"resourceRules\":["
                        + "{\"verbs\":[\"get\"],\"apiGroups\":[\"apps\"],\"resources\":[\"deployments\"]},"
                        + "{\"verbs\":[\"get\",\"list\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"],"
                        + "\"resourceNames\":[\"web\"]}],"
                        + "\"nonResourceRules\":[{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/version\"]},"
                        + "{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/healthz\"]}],"
                        + "\"incomplete\":false,"
                        + "\"evaluationError\":\"role.rbac.authorization.k8s.io \\\"gone\\\" not found\"}",
                resolver.rulesFor("jane", List.of("system:authenticated"), "dev").toJson().toString());
    }

    @Test
    void anotherNamespaceOrNoBindingsGiveEmptyLists() {
        assertEquals("{\"resourceRules\":[],\"nonResourceRules\":[],\"incomplete\":false}",
                resolver.rulesFor("jane", List.of(), "prod").toJson().toString());
    }

    @Test
    void kubeadmClusterAdminsSeeClusterAdminsRulesAfterTheGeneralOnes() {
        RulesReview review = new RulesResolver(BootstrapPolicy.source())
                .rulesFor("kubernetes-admin", List.of("kubeadm:cluster-admins", "system:authenticated"), "default");
        // bindings in list order: system:discovery, system:basic-user, ... then kubeadm:cluster-admins
        assertEquals(List.of("{\"verbs\":[\"create\"],\"apiGroups\":[\"authorization.k8s.io\"],"
                        + "\"resources\":[\"selfsubjectaccessreviews\",\"selfsubjectrulesreviews\"]}",
                        "{\"verbs\":[\"create\"],\"apiGroups\":[\"authentication.k8s.io\"],"
                        + "\"resources\":[\"selfsubjectreviews\"]}",
                        "{\"verbs\":[\"*\"],\"apiGroups\":[\"*\"],\"resources\":[\"*\"]}"),
                review.resourceRules().stream().map(Object::toString).toList());
        assertEquals(3, review.nonResourceRules().size());
        assertEquals("{\"verbs\":[\"*\"],\"nonResourceURLs\":[\"*\"]}", review.nonResourceRules().get(2).toString());
    }
}
