package io.kubelab.server;

import io.kubelab.clock.GoDuration;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an operator can set, read from the environment (README, "Configuration"). No variable is
 * required: the defaults run one embedded member that reaches nothing outside this machine.
 *
 * @param clusterMembers {@code host:port} of every member, empty for the embedded single member
 * @param hazelcastHost  the address this member binds Hazelcast and the event bus to
 * @param kubeApiPort    the TLS port of the sandboxes' Kubernetes API (kubectl sends tokens only over TLS)
 */
public record ServerConfig(
        String host,
        int port,
        int kubeApiPort,
        Path dataDir,
        List<String> clusterMembers,
        int hazelcastPort,
        String hazelcastHost,
        int backupCount,
        Optional<String> secret,
        Optional<String> publicUrl,
        boolean anonymousSandboxes,
        Duration sandboxLifetime,
        Duration shutdownDelay,
        Duration shutdownTimeout) {

    /** Thrown for a setting that cannot be used, naming the variable. */
    public static final class InvalidSetting extends RuntimeException {
        InvalidSetting(String variable, String value, String why) {
            super(variable + "=" + value + ": " + why);
        }
    }

    public boolean clustered() {
        return !clusterMembers.isEmpty();
    }

    public static ServerConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static ServerConfig from(Map<String, String> env) {
        List<String> members = Arrays.stream(env.getOrDefault("KUBELAB_CLUSTER_MEMBERS", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        int hzPort = integer(env, "KUBELAB_HZ_PORT", 5701, 1, 65535);
        String hzHost = Optional.ofNullable(env.get("KUBELAB_HZ_HOST")).filter(s -> !s.isBlank())
                .orElseGet(() -> localMemberHost(members));
        return new ServerConfig(
                env.getOrDefault("HOST", "0.0.0.0"),
                integer(env, "PORT", 8080, 0, 65535),
                integer(env, "KUBELAB_K8S_PORT", 6443, 0, 65535),
                Path.of(env.getOrDefault("KUBELAB_DATA", "./data")),
                members,
                hzPort,
                hzHost,
                integer(env, "KUBELAB_HZ_BACKUPS", 1, 0, 6),
                Optional.ofNullable(env.get("KUBELAB_SECRET")).filter(s -> !s.isBlank()),
                Optional.ofNullable(env.get("KUBELAB_PUBLIC_URL")).filter(s -> !s.isBlank())
                        .map(s -> s.replaceAll("/+$", "")),
                bool(env, "KUBELAB_ANONYMOUS_SANDBOXES", true),
                duration(env, "KUBELAB_SANDBOX_LIFETIME", "24h"),
                duration(env, "KUBELAB_SHUTDOWN_DELAY", "1s"),
                duration(env, "KUBELAB_SHUTDOWN_TIMEOUT", "30s"));
    }

    /**
     * Of the configured members, the one whose host is an address of this machine: so the same
     * member list can be given to every member. Loopback when none is, or when running embedded.
     */
    private static String localMemberHost(List<String> members) {
        for (String member : members) {
            String host = member.contains(":") ? member.substring(0, member.lastIndexOf(':')) : member;
            try {
                InetAddress address = InetAddress.getByName(host);
                if (!address.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) != null) {
                    return address.getHostAddress();
                }
            } catch (UnknownHostException | SocketException e) {
                // Not resolvable from here: not ours.
            }
        }
        return "127.0.0.1";
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new InvalidSetting(name, value, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSetting(name, value, "not a whole number");
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new InvalidSetting(name, value, "use true or false");
        };
    }

    private static Duration duration(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, fallback);
        try {
            Duration d = GoDuration.parse(value.isBlank() ? fallback : value);
            if (d.isNegative()) {
                throw new InvalidSetting(name, value, "must not be negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(name, value, e.getMessage() + " (write e.g. 30s, 5m, 24h)");
        }
    }
}
