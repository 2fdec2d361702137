package io.kubelab.k8sapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link KubeExchange} that keeps what {@link KubeApi} answered: a whole response, or a stream's chunks. */
final class RecordingExchange implements KubeExchange {

    KubeResponse response;
    String streamType;
    Duration streamLimit;
    final List<String> chunks = new ArrayList<>();
    boolean ended;
    final List<Runnable> onClose = new ArrayList<>();

    @Override
    public void reply(KubeResponse r) {
        response = r;
    }

    @Override
    public Stream stream(String contentType, Duration limit) {
        streamType = contentType;
        streamLimit = limit;
        return new Stream() {
            @Override
            public boolean send(byte[] chunk) {
                chunks.add(new String(chunk, StandardCharsets.UTF_8));
                return true;
            }

            @Override
            public void end() {
                ended = true;
            }

            @Override
            public void onClose(Runnable release) {
                onClose.add(release);
            }
        };
    }

    String body() {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Closes the stream as the transport would when the client leaves. */
    void close() {
        onClose.forEach(Runnable::run);
    }
}
