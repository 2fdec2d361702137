package io.kubelab.apiserver.authorization;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One rule against one request, per rule shape, with the answers of rbac/v1 evaluation_helpers.go. */
class PolicyRulesTest {

    // "-" in the tables stands for the empty string
    private static String empty(String s) {
        return s.equals("-") ? "" : s;
    }

    @ParameterizedTest(name = "{0} | {1} {2}/{3}/{4} name={5} -> {6}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // rule | verb | group | resource | subresource | name | allowed ("-": empty)
            "{'verbs':['get'],'apiGroups':[''],'resources':['pods']}                  | get    | -     | pods        | -       | -      | true",
            "{'verbs':['get'],'apiGroups':[''],'resources':['pods']}                  | list   | -     | pods        | -       | -      | false",
            "{'verbs':['*'],'apiGroups':[''],'resources':['pods']}                    | delete | -     | pods        | -       | -      | true",
            "{'verbs':['get'],'apiGroups':['*'],'resources':['deployments']}          | get    | apps | deployments | -       | -      | true",
            "{'verbs':['get'],'apiGroups':[''],'resources':['deployments']}           | get    | apps | deployments | -       | -      | false",
            "{'verbs':['get'],'apiGroups':['apps'],'resources':['*']}                 | get    | apps | deployments | scale  | -      | true",
            // the parent resource does not cover its subresources, nor the reverse
            "{'verbs':['create'],'apiGroups':[''],'resources':['pods']}               | create | -     | pods        | exec   | -      | false",
            "{'verbs':['create'],'apiGroups':[''],'resources':['pods/exec']}          | create | -     | pods        | exec   | -      | true",
            "{'verbs':['create'],'apiGroups':[''],'resources':['pods/exec']}          | create | -     | pods        | -       | -      | false",
            "{'verbs':['create'],'apiGroups':[''],'resources':['pods/exec']}          | create | -     | pods        | attach | -      | false",
            "{'verbs':['update'],'apiGroups':['*'],'resources':['*/scale']}           | update | apps | deployments | scale  | -      | true",
            "{'verbs':['update'],'apiGroups':['*'],'resources':['*/scale']}           | update | apps | deployments | -       | -      | false",
            "{'verbs':['update'],'apiGroups':['*'],'resources':['*/scale']}           | update | apps | deployments | status | -      | false",
            // length check: '*/cale' is not a wildcard for 'scale'
            "{'verbs':['update'],'apiGroups':['*'],'resources':['*/cale']}            | update | apps | deployments | scale  | -      | false",
            "{'verbs':['get'],'apiGroups':[''],'resources':['configmaps'],'resourceNames':['app']} | get | - | configmaps | - | app   | true",
            "{'verbs':['get'],'apiGroups':[''],'resources':['configmaps'],'resourceNames':['app']} | get | - | configmaps | - | other | false",
            // a list has no name, so a rule with resourceNames never allows it
            "{'verbs':['list'],'apiGroups':[''],'resources':['configmaps'],'resourceNames':['app']} | list | - | configmaps | - | -    | false",
            "{'verbs':['get'],'resources':['pods']}                                   | get    | -     | pods        | -       | -      | false",
            "{'verbs':['get'],'nonResourceURLs':['*']}                                | get    | -     | pods        | -       | -      | false",
    })
    void resourceRules(String rule, String verb, String group, String resource, String sub, String name,
                       boolean allowed) {
        Attributes request = Attributes.resource("jane", List.of(), verb, empty(group), resource, empty(sub),
                "default", empty(name));
        assertEquals(allowed, PolicyRules.allows(Json.obj(rule), request));
    }

    @ParameterizedTest(name = "{0} | {1} {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'verbs':['get'],'nonResourceURLs':['/healthz']}        | get  | /healthz          | true",
            "{'verbs':['get'],'nonResourceURLs':['/healthz']}        | post | /healthz          | false",
            "{'verbs':['get'],'nonResourceURLs':['/healthz']}        | get  | /healthz/etcd     | false",
            "{'verbs':['get'],'nonResourceURLs':['/healthz/*']}      | get  | /healthz/etcd     | true",
            "{'verbs':['get'],'nonResourceURLs':['/healthz/*']}      | get  | /healthz          | false",
            // a star suffix is a plain prefix, not a path segment
            "{'verbs':['get'],'nonResourceURLs':['/api*']}           | get  | /apis/apps        | true",
            "{'verbs':['get'],'nonResourceURLs':['*']}               | get  | /anything         | true",
            "{'verbs':['*'],'nonResourceURLs':['/metrics']}          | get  | /metrics          | true",
            "{'verbs':['get'],'apiGroups':['*'],'resources':['*']}   | get  | /version          | false",
    })
    void nonResourceRules(String rule, String verb, String path, boolean allowed) {
        assertEquals(allowed, PolicyRules.allows(Json.obj(rule), Attributes.nonResource("jane", List.of(), verb, path)));
    }
}
