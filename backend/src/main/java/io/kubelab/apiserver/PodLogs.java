package io.kubelab.apiserver;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where container logs live: on the node, written by the container runtime and read by the kubelet.
 * The API server reads them through this for the {@code log} subresource, as kube-apiserver proxies to
 * the kubelet.
 */
public interface PodLogs {

    /** One line as the runtime recorded it, without its newline. */
    record Line(Instant time, String text) {
    }

    /** A container's lines, oldest first; {@code previous} asks for the last terminated instance. */
    List<Line> read(String namespace, String pod, String container, boolean previous);

    /** Calls {@code sink} with every line written from now on; the returned handle stops it. */
    Runnable follow(String namespace, String pod, String container, Consumer<Line> sink);


    PodLogs NONE = new PodLogs() {
        @Override
        public List<Line> read(String namespace, String pod, String container, boolean previous) {
            return List.of();
        }

        @Override
        public Runnable follow(String namespace, String pod, String container, Consumer<Line> sink) {
            return () -> { };
        }

    };
}
