package io.kubelab.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The bearer token of a sandbox's kubeconfig: an HMAC of the sandbox id under the server's shared secret, so
 * every member can check it without storing it, and it opens the sandbox's Kubernetes API alone (not the
 * automation API, which could delete the sandbox). It lives as long as the sandbox.
 */
final class KubeTokens {

    private static final String PURPOSE = "kubelab-k8s-api:";
    private static final String PREFIX = "kl-";

    private KubeTokens() {
    }

    static String token(String secret, String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((PURPOSE + id).getBytes(StandardCharsets.UTF_8));
            return PREFIX + id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * The sandbox a kubeconfig token names, unverified: for a request whose path has no {@code /k8s/{id}}
     * prefix ({@code kubectl get --raw} replaces the server URL's path), where the token alone says the sandbox.
     */
    static java.util.Optional<String> sandboxOf(String token) {
        int dot = token.indexOf('.');
        if (!token.startsWith(PREFIX) || dot < 0) {
            return java.util.Optional.empty();
        }
        String id = token.substring(PREFIX.length(), dot);
        return io.kubelab.tenancy.Tokens.isSandboxId(id) ? java.util.Optional.of(id) : java.util.Optional.empty();
    }

    static boolean matches(String secret, String id, String token) {
        return MessageDigest.isEqual(token(secret, id).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
