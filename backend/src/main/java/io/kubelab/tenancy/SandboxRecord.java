package io.kubelab.tenancy;

import java.time.Instant;
import java.util.Optional;

/**
 * What every member knows about a sandbox: kept in Hazelcast, so any member can authenticate a call
 * for it. The bearer token itself is never stored, only its SHA-256.
 *
 * @param host    the Hazelcast member UUID that runs the sandbox's shell
 * @param cluster the cluster options it was created with
 */
public record SandboxRecord(String id, String tokenHash, Instant created, Instant expires,
                            Optional<String> scenario, String host, java.util.Map<String, Object> cluster) {

    /** The cluster the sandbox runs ({@link io.kubelab.cluster.ClusterSpec#fromOptions}); the default when unset. */
    public io.kubelab.cluster.ClusterSpec clusterSpec() {
        return io.kubelab.cluster.ClusterSpec.fromOptions(cluster == null ? java.util.Map.of() : cluster);
    }

    public boolean acceptsToken(String token) {
        return token != null && Tokens.matches(token, tokenHash);
    }
}
