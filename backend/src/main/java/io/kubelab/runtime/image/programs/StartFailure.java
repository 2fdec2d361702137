package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.util.Optional;

/**
 * A container whose process never started (its executable is missing): one stderr line with the runtime's
 * message, then exit code 128. The kubelet shows it as reason StartError with that message.
 */
public final class StartFailure extends TimedProcess {

    private final String message;

    StartFailure(Container container, ImageConfig image, String message) {
        super(container, image);
        this.message = message;
        err(Duration.ZERO, message);
        exit(Duration.ZERO, StartErrors.EXIT_CODE);
    }

    /** The runtime's error text, for the container status' {@code message}. */
    public Optional<String> startError() {
        return Optional.of(message);
    }

    @Override
    public Usage usage() {
        return new Usage(0, 0);
    }
}
