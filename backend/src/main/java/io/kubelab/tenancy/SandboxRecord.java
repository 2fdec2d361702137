package io.kubelab.tenancy;

import java.time.Instant;
import java.util.Optional;

/**
 * What every member knows about a sandbox: kept in Hazelcast, so any member can authenticate a call
 * for it. The bearer token itself is never stored, only its SHA-256.
 *
 * @param host the Hazelcast member UUID that runs the sandbox's shell
 */
public record SandboxRecord(String id, String tokenHash, Instant created, Instant expires,
                            Optional<String> scenario, String host) {

    public boolean acceptsToken(String token) {
        return token != null && Tokens.matches(token, tokenHash);
    }
}
