package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The pause container: sleeps forever, says nothing, exits 0 on SIGTERM (it handles it). */
final class Pause extends TimedProcess {

    Pause(Container c, ImageConfig image) {
        super(c, image);
    }

    @Override
    public Usage usage() {
        return new Usage(0, image.memoryBytes());
    }

    @Override
    public Optional<Duration> onTerminate() {
        return shutdown(List.of(), List.of("Shutting down, got signal: Terminated"), Duration.ZERO, 0);
    }
}
