package io.kubelab.apiserver.authorization;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 403 messages of a 1.32 API server, word for word. */
class ForbiddenMessageTest {

    private static final String SA = "system:serviceaccount:default:viewer";

    @Test
    void namespacedCollection() {
        Attributes create = Attributes.resource(SA, List.of("system:serviceaccounts"), "create", "", "pods", "",
                "default", "");
        assertEquals("pods is forbidden: User \"system:serviceaccount:default:viewer\" cannot create resource \"pods\" "
                + "in API group \"\" in the namespace \"default\"", ForbiddenMessage.status(create, "").message());
    }

    @Test
    void clusterScopedObject() {
        Attributes get = Attributes.resource("jane", List.of(), "get", "", "nodes", "", "", "node01");
        assertEquals("nodes \"node01\" is forbidden: User \"jane\" cannot get resource \"nodes\" in API group \"\" at "
                + "the cluster scope", ForbiddenMessage.status(get, "").message());
    }

    @Test
    void subresourceAndGroup() {
        Attributes exec = Attributes.resource("jane", List.of(), "create", "", "pods", "exec", "dev", "web");
        assertEquals("pods \"web\" is forbidden: User \"jane\" cannot create resource \"pods/exec\" in API group \"\" "
                + "in the namespace \"dev\"", ForbiddenMessage.status(exec, "").message());
        Attributes scale = Attributes.resource("jane", List.of(), "patch", "apps", "deployments", "scale", "dev",
                "web");
        assertEquals("deployments.apps \"web\" is forbidden: User \"jane\" cannot patch resource "
                + "\"deployments/scale\" in API group \"apps\" in the namespace \"dev\"",
                ForbiddenMessage.status(scale, "").message());
    }

    @Test
    void nonResourcePath() {
        Attributes path = Attributes.nonResource("x", List.of(), "get", "/foo");
        assertEquals("forbidden: User \"x\" cannot get path \"/foo\"", ForbiddenMessage.status(path, "").message());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"forbidden: User \\\"x\\\" cannot get path \\\"/foo\\\"\",\"reason\":\"Forbidden\","
                        + "\"details\":{},\"code\":403}",
                ForbiddenMessage.status(path, "").toJson().toString());
    }

    @Test
    void theReasonFollowsAfterAColon() {
        Attributes list = Attributes.resource("jane", List.of(), "list", "", "pods", "", "dev", "");
        assertEquals("User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"dev\": "
                        + "RBAC: role.rbac.authorization.k8s.io \"pod-reader\" not found",
                ForbiddenMessage.why(list, "RBAC: role.rbac.authorization.k8s.io \"pod-reader\" not found"));
    }

    @Test
    void detailsNameTheResourceAndObject() {
        Attributes get = Attributes.resource("jane", List.of(), "get", "apps", "deployments", "", "dev", "web");
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"deployments.apps \\\"web\\\" is forbidden: User \\\"jane\\\" cannot get resource "
                        + "\\\"deployments\\\" in API group \\\"apps\\\" in the namespace \\\"dev\\\"\","
                        + "\"reason\":\"Forbidden\",\"details\":{\"name\":\"web\",\"group\":\"apps\","
                        + "\"kind\":\"deployments\"},\"code\":403}",
                ForbiddenMessage.status(get, "").toJson().toString());
    }

    @Test
    void htmlLookalikesAreEscapedInTheMessageOnly() {
        Attributes odd = Attributes.nonResource("<b>&", List.of(), "get", "/x");
        assertEquals("User \"&lt;b&gt;&amp;\" cannot get path \"/x\": <reason>", ForbiddenMessage.why(odd, "<reason>"));
    }
}
