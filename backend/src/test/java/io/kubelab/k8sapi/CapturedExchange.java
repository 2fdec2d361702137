package io.kubelab.k8sapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A {@link KubeExchange} that keeps what {@link KubeApi} answered: a whole response, or a stream's chunks. */
final class CapturedExchange implements KubeExchange {

    private KubeResponse response;
    private String streamType;
    private Duration streamLimit;
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private boolean ended;
    private Runnable release;

    @Override
    public void reply(KubeResponse value) {
        response = value;
    }

    @Override
    public Stream stream(String contentType, Duration limit) {
        streamType = contentType;
        streamLimit = limit;
        return new Stream() {
            @Override
            public boolean send(byte[] chunk) {
                chunks.writeBytes(chunk);
                return !ended;
            }

            @Override
            public void end() {
                ended = true;
            }

            @Override
            public void onClose(Runnable action) {
                release = action;
            }
        };
    }

    KubeResponse response() {
        return response;
    }

    /** The whole response's body, or what the stream carried so far, as text. */
    String text() {
        return response != null ? new String(response.body(), StandardCharsets.UTF_8)
                : chunks.toString(StandardCharsets.UTF_8);
    }

    String streamType() {
        return streamType;
    }

    Duration streamLimit() {
        return streamLimit;
    }

    boolean ended() {
        return ended;
    }

    /** The client leaves: what the stream holds is released. */
    void close() {
        if (release != null) {
            release.run();
        }
    }
}
