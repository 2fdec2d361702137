package io.kubelab.apiserver;

import io.kubelab.store.StoreException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Status objects byte for byte as a Kubernetes 1.32 API server sends them. */
class StatusTest {

    private static final GroupResource PODS = GroupResource.core("pods");
    private static final GroupResource DEPLOYMENTS = new GroupResource("apps", "deployments");

    @Test
    void notFound() {
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"pods \\\"web\\\" not found\",\"reason\":\"NotFound\","
                        + "\"details\":{\"name\":\"web\",\"kind\":\"pods\"},\"code\":404}",
                Status.notFound(PODS, "web").toJson().toString());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"deployments.apps \\\"web\\\" not found\",\"reason\":\"NotFound\","
                        + "\"details\":{\"name\":\"web\",\"group\":\"apps\",\"kind\":\"deployments\"},\"code\":404}",
                Status.notFound(DEPLOYMENTS, "web").toJson().toString());
    }

    @Test
    void conflictAndAlreadyExists() {
        assertEquals("Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; "
                + "please apply your changes to the latest version and try again", Status.conflict(DEPLOYMENTS, "web").message());
        assertEquals(409, Status.conflict(DEPLOYMENTS, "web").code());
        assertEquals("pods \"web\" already exists", Status.alreadyExists(PODS, "web").message());
        assertEquals("AlreadyExists", Status.alreadyExists(PODS, "web").reason());
    }

    @Test
    void invalidCarriesItsCauses() {
        Status s = Status.invalid("", "Pod", "web", List.of(
                new Status.Cause("FieldValueRequired", "Required value", "spec.containers[0].image")));
        assertEquals("Pod \"web\" is invalid: spec.containers[0].image: Required value", s.message());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Pod \\\"web\\\" is invalid: spec.containers[0].image: Required value\","
                + "\"reason\":\"Invalid\",\"details\":{\"name\":\"web\",\"kind\":\"Pod\",\"causes\":[{\"reason\":"
                + "\"FieldValueRequired\",\"message\":\"Required value\",\"field\":\"spec.containers[0].image\"}]},"
                + "\"code\":422}", s.toJson().toString());
        Status two = Status.invalid("apps", "Deployment", "web", List.of(
                new Status.Cause("FieldValueRequired", "Required value", "spec.selector"),
                new Status.Cause("FieldValueInvalid", "Invalid value: -1: must be greater than or equal to 0",
                        "spec.replicas")));
        assertEquals("Deployment.apps \"web\" is invalid: [spec.selector: Required value, spec.replicas: Invalid "
                + "value: -1: must be greater than or equal to 0]", two.message());
    }

    @Test
    void forbiddenWithAndWithoutAName() {
        assertEquals("pods \"web\" is forbidden: User \"system:serviceaccount:default:sa\" cannot get resource "
                        + "\"pods\" in API group \"\" in the namespace \"default\"",
                Status.forbidden(PODS, "web", "User \"system:serviceaccount:default:sa\" cannot get resource \"pods\" "
                        + "in API group \"\" in the namespace \"default\"").message());
        assertEquals("pods is forbidden: User \"x\" cannot list resource \"pods\" in API group \"\" at the cluster scope",
                Status.forbidden(PODS, "", "User \"x\" cannot list resource \"pods\" in API group \"\" at the cluster scope")
                        .message());
    }

    @Test
    void storeFailuresBecomeTheirKubernetesStatus() {
        assertEquals(404, StoreErrors.toStatus(new StoreException.NotFound("/registry/pods/default/web"), PODS, "web")
                .status().code());
        assertEquals("Conflict", StoreErrors.toStatus(new StoreException.Conflict("k", 1, 2), PODS, "web").status().reason());
        Status gone = StoreErrors.toStatus(new StoreException.Compacted(2, 4), PODS, "").status();
        assertEquals(410, gone.code());
        assertEquals("Expired", gone.reason());
        assertEquals("too old resource version: 2 (4)", gone.message());
        Status future = StoreErrors.toStatus(new StoreException.RevisionTooLarge(9, 5), PODS, "").status();
        assertEquals("Timeout: Too large resource version: 9, current: 5", future.message());
        assertEquals(504, future.code());
        assertEquals(503, StoreErrors.toStatus(new StoreException.Unavailable(), PODS, "web").status().code());
        assertEquals(400, StoreErrors.toStatus(new StoreException.InvalidContinue("x"), PODS, "").status().code());
        Status expired = StoreErrors.toStatus(new StoreException.ContinueExpired("TOKEN"), PODS, "").status();
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{\"continue\":\"TOKEN\"},"
                + "\"status\":\"Failure\",\"message\":\"The provided continue parameter is too old to display a "
                + "consistent list result. You can start a new list without the continue parameter, or use the continue "
                + "value from the response to get partial results.\",\"reason\":\"Expired\",\"code\":410}",
                expired.toJson().toString());
    }

    @Test
    void entityTooLargeAndRetryAfter() {
        assertEquals("Request entity too large: limit is 3145728",
                Status.requestEntityTooLarge("limit is 3145728").message());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"slow down\",\"reason\":\"TooManyRequests\",\"details\":{\"retryAfterSeconds\":1},"
                        + "\"code\":429}", Status.tooManyRequests("slow down", 1).toJson().toString());
    }
}
