package io.kubelab.apiserver.authorization;

/**
 * An authorizer's answer. {@code allowed == false} is Kubernetes' "no opinion": RBAC never denies outright,
 * it only fails to allow. {@code reason} is what the authorizer said: for RBAC an allow names the binding
 * ({@code RBAC: allowed by ...}); a refusal is empty unless resolving bindings failed, and then it is the
 * text the API server appends to its Forbidden message.
 */
public record Decision(boolean allowed, String reason) {

    public static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    public static Decision noOpinion(String reason) {
        return new Decision(false, reason);
    }
}
