package io.kubelab.runtime.image.container;

import io.kubelab.runtime.image.Network;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One running container as its processes see it: environment, identity, filesystem, network, the tools its
 * image ships, and when it started (every process time is measured from there).
 *
 * @param binaries the image's own programs ({@code nginx}, {@code redis-server}): a shell that runs one hands
 *                 the container over to it
 * @param clock the sandbox clock (when SIGTERM arrives, for example)
 * @param tools executables beyond the shell's built-in utilities ({@code wget}, {@code curl}, {@code perl}...)
 */
public record Container(Map<String, String> env, String hostname, String podIp, String workingDir,
                        Instant startedAt, long memoryLimitBytes, Network network, ContainerFs fs,
                        Flavour flavour, Set<String> tools, Set<String> binaries,
                        Supplier<Instant> clock) {

    /** How long the container has been running now, by the sandbox clock. */
    public Duration elapsedNow() {
        return elapsed(clock.get());
    }

    public Duration elapsed(Instant now) {
        Duration d = Duration.between(startedAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public Instant at(Duration elapsed) {
        return startedAt.plus(elapsed);
    }

    public boolean has(String tool) {
        return tools.contains(tool);
    }
}
