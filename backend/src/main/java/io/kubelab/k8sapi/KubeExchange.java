package io.kubelab.k8sapi;

import java.time.Duration;

/**
 * How {@link KubeApi} answers, whichever transport carried the request (this member's HTTP server, or the
 * clustered event bus from another member). Called under the sandbox's lock.
 */
public interface KubeExchange {

    /** A whole answer. */
    void reply(KubeResponse response);

    /**
     * Starts a streamed {@code 200} answer (a watch, a followed log) that lasts at most {@code limit}; the
     * transport ends it then, or when the client goes away, and runs {@link Stream#onClose}'s action under
     * the sandbox's lock in both cases.
     */
    Stream stream(String contentType, Duration limit);

    interface Stream {
        /** Sends a chunk; false once the client is gone or too slow to keep up (the stream is then closed). */
        boolean send(byte[] chunk);

        /** Ends the answer from the server side. */
        void end();

        /** What to release when the stream closes, whoever closes it. */
        void onClose(Runnable release);
    }
}
