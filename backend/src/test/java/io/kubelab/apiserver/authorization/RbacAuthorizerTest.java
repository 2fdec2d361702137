package io.kubelab.apiserver.authorization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.kubelab.apiserver.authorization.Json.clusterRole;
import static io.kubelab.apiserver.authorization.Json.clusterRoleBinding;
import static io.kubelab.apiserver.authorization.Json.role;
import static io.kubelab.apiserver.authorization.Json.roleBinding;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who a set of bindings lets do what, and the reasons RBAC gives, as plugin/pkg/auth/authorizer/rbac decides. */
class RbacAuthorizerTest {

    private static final RbacSource POLICY = new InMemoryRbacSource(
            List.of(
                    clusterRole("pod-reader", "[{'verbs':['get','list','watch'],'apiGroups':[''],'resources':['pods']}]"),
                    clusterRole("scaler", "[{'verbs':['get','update','patch'],'apiGroups':['*'],'resources':['*/scale']}]"),
                    clusterRole("node-viewer", "[{'verbs':['get'],'apiGroups':[''],'resources':['nodes']}]"),
                    clusterRole("health", "[{'verbs':['get'],'nonResourceURLs':['/healthz','/healthz/*']}]"),
                    clusterRole("exec", "[{'verbs':['create'],'apiGroups':[''],'resources':['pods/exec']}]"),
                    clusterRole("wildcard", "[{'verbs':['*'],'apiGroups':['batch'],'resources':['jobs']}]")),
            List.of(
                    clusterRoleBinding("ops-nodes", "ClusterRole", "node-viewer",
                            "[{'kind':'Group','apiGroup':'rbac.authorization.k8s.io','name':'ops'}]"),
                    clusterRoleBinding("health-all", "ClusterRole", "health",
                            "[{'kind':'Group','apiGroup':'rbac.authorization.k8s.io','name':'system:authenticated'}]"),
                    // a ServiceAccount subject without namespace in a ClusterRoleBinding matches nobody
                    clusterRoleBinding("sa-no-ns", "ClusterRole", "wildcard",
                            "[{'kind':'ServiceAccount','name':'default'}]"),
                    clusterRoleBinding("bob-jobs", "ClusterRole", "wildcard",
                            "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'bob'}]")),
            List.of(
                    role("dev", "config-one", "[{'verbs':['get'],'apiGroups':[''],'resources':['configmaps'],"
                            + "'resourceNames':['app-config']}]")),
            List.of(
                    // a namespaced RoleBinding to a ClusterRole grants its rules in that namespace only
                    roleBinding("dev", "jane-pods", "ClusterRole", "pod-reader",
                            "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]"),
                    roleBinding("dev", "jane-config", "Role", "config-one",
                            "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]"),
                    // the SA's namespace defaults to the binding's
                    roleBinding("dev", "builder-scale", "ClusterRole", "scaler",
                            "[{'kind':'ServiceAccount','name':'builder'}]"),
                    roleBinding("dev", "prod-sa-exec", "ClusterRole", "exec",
                            "[{'kind':'ServiceAccount','name':'deployer','namespace':'prod'}]")));

    private final RbacAuthorizer rbac = new RbacAuthorizer(POLICY);

    @ParameterizedTest(name = "{0} [{1}] {2} {3}/{4}/{5} in {6} name={7} -> {8}")
    @CsvSource(delimiter = '|', value = {
            // user                            | groups               | verb   | group | resource    | sub  | ns   | name       | allowed ("-": empty)
            "jane                              | -                    | list   | -     | pods        | -    | dev  | -          | true",
            "jane                              | -                    | get    | -     | pods        | -    | prod | -          | false",
            "jane                              | -                    | list   | -     | pods        | -    | -    | -          | false",
            "jane                              | -                    | delete | -     | pods        | -    | dev  | web        | false",
            "jane                              | -                    | get    | -     | pods        | log  | dev  | web        | false",
            "jane                              | -                    | get    | -     | configmaps  | -    | dev  | app-config | true",
            "jane                              | -                    | get    | -     | configmaps  | -    | dev  | other      | false",
            "jane                              | -                    | list   | -     | configmaps  | -    | dev  | -          | false",
            "system:serviceaccount:dev:builder | -                    | update | apps  | deployments | scale| dev  | web        | true",
            "system:serviceaccount:dev:builder | -                    | patch  | apps  | statefulsets| scale| dev  | db         | true",
            "system:serviceaccount:dev:builder | -                    | update | apps  | deployments | -    | dev  | web        | false",
            "system:serviceaccount:prod:builder| -                    | update | apps  | deployments | scale| dev  | web        | false",
            "system:serviceaccount:prod:deployer| -                   | create | -     | pods        | exec | dev  | web        | true",
            "system:serviceaccount:dev:deployer| -                    | create | -     | pods        | exec | dev  | web        | false",
            "system:serviceaccount:prod:deployer| -                   | create | -     | pods        | exec | prod | web        | false",
            "system:serviceaccount:dev:default | -                    | create | batch | jobs        | -    | dev  | -          | false",
            "alice                             | ops                  | get    | -     | nodes       | -    | -    | node01     | true",
            "alice                             | ops                  | list   | -     | nodes       | -    | -    | -          | false",
            "alice                             | dev;ops              | get    | -     | nodes       | -    | dev  | node01     | true",
            "ops                               | -                    | get    | -     | nodes       | -    | -    | node01     | false",
            "bob                               | -                    | deletecollection | batch | jobs | - | dev | -          | true",
            "bob                               | -                    | create | apps  | jobs        | -    | dev  | -          | false",
    })
    void resourceRequests(String user, String groups, String verb, String group, String resource, String sub,
                          String ns, String name, boolean allowed) {
        Attributes request = Attributes.resource(user, list(groups), verb, empty(group), resource, empty(sub),
                empty(ns), empty(name));
        assertEquals(allowed, rbac.authorize(request).allowed());
    }

    @ParameterizedTest(name = "{0} [{1}] {2} {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "jane | system:authenticated | get  | /healthz       | true",
            "jane | system:authenticated | get  | /healthz/etcd  | true",
            "jane | system:authenticated | get  | /healthzz      | false",
            "jane | system:authenticated | post | /healthz       | false",
            "jane | -                    | get  | /healthz       | false",
    })
    void nonResourceRequests(String user, String groups, String verb, String path, boolean allowed) {
        assertEquals(allowed, rbac.authorize(Attributes.nonResource(user, list(groups), verb, path)).allowed());
    }

    @Test
    void anAllowNamesTheBindingRoleAndSubject() {
        assertEquals(new Decision(true, "RBAC: allowed by RoleBinding \"jane-pods/dev\" of ClusterRole \"pod-reader\" "
                        + "to User \"jane\""),
                rbac.authorize(Attributes.resource("jane", List.of(), "get", "", "pods", "", "dev", "web")));
        assertEquals(new Decision(true, "RBAC: allowed by RoleBinding \"builder-scale/dev\" of ClusterRole \"scaler\" "
                        + "to ServiceAccount \"builder/dev\""),
                rbac.authorize(Attributes.resource("system:serviceaccount:dev:builder", List.of(), "get", "apps",
                        "deployments", "scale", "dev", "web")));
        assertEquals(new Decision(true, "RBAC: allowed by ClusterRoleBinding \"ops-nodes\" of ClusterRole "
                        + "\"node-viewer\" to Group \"ops\""),
                rbac.authorize(Attributes.resource("alice", List.of("ops"), "get", "", "nodes", "", "", "node01")));
    }

    @Test
    void aPlainRefusalHasNoReason() {
        assertEquals(new Decision(false, ""),
                rbac.authorize(Attributes.resource("jane", List.of(), "create", "", "pods", "", "dev", "")));
    }

    @Test
    void missingRolesBecomeTheReasonButOtherBindingsStillCount() {
        RbacSource broken = new InMemoryRbacSource(
                List.of(clusterRole("pod-reader", "[{'verbs':['get'],'apiGroups':[''],'resources':['pods']}]")),
                List.of(clusterRoleBinding("gone", "ClusterRole", "no-such-role",
                        "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]")),
                List.of(),
                List.of(roleBinding("dev", "missing-role", "Role", "pod-reader",
                                "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]"),
                        roleBinding("dev", "works", "ClusterRole", "pod-reader",
                                "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]"),
                        roleBinding("dev", "odd-kind", "Group", "pod-reader",
                                "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]")));
        RbacAuthorizer authorizer = new RbacAuthorizer(broken);
        assertEquals(true, authorizer.authorize(Attributes.resource("jane", List.of(), "get", "", "pods", "", "dev",
                "web")).allowed());
        assertEquals(new Decision(false, "RBAC: [clusterrole.rbac.authorization.k8s.io \"no-such-role\" not found, "
                        + "role.rbac.authorization.k8s.io \"pod-reader\" not found, "
                        + "unsupported role reference kind: \"Group\"]"),
                authorizer.authorize(Attributes.resource("jane", List.of(), "delete", "", "pods", "", "dev", "web")));
        // at cluster scope only the ClusterRoleBinding is looked at
        assertEquals(new Decision(false, "RBAC: clusterrole.rbac.authorization.k8s.io \"no-such-role\" not found"),
                authorizer.authorize(Attributes.resource("jane", List.of(), "list", "", "nodes", "", "", "")));
    }

    @Test
    void aggregatedRolesCountOnlyTheirStoredRules() {
        RbacSource policy = new InMemoryRbacSource(
                List.of(Json.obj("{'kind':'ClusterRole','metadata':{'name':'agg'},'aggregationRule':"
                                + "{'clusterRoleSelectors':[{'matchLabels':{'x':'true'}}]}}"),
                        Json.obj("{'kind':'ClusterRole','metadata':{'name':'part','labels':{'x':'true'}},"
                                + "'rules':[{'verbs':['get'],'apiGroups':[''],'resources':['pods']}]}")),
                List.of(clusterRoleBinding("b", "ClusterRole", "agg",
                        "[{'kind':'User','apiGroup':'rbac.authorization.k8s.io','name':'jane'}]")),
                List.of(), List.of());
        assertEquals(false, new RbacAuthorizer(policy).authorize(
                Attributes.resource("jane", List.of(), "get", "", "pods", "", "dev", "web")).allowed());
    }

    private static String empty(String s) {
        return s.equals("-") ? "" : s;
    }

    private static List<String> list(String groups) {
        return groups.equals("-") ? List.of() : List.of(groups.split(";"));
    }
}
