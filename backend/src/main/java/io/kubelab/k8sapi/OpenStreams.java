package io.kubelab.k8sapi;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams a sandbox's API has open (watches, followed logs, attaches), so that they end when the sandbox
 * stops or its cluster is replaced: a client then sees its stream close and lists again, rather than silence.
 */
final class OpenStreams {

    private final Set<KubeExchange.Stream> open = ConcurrentHashMap.newKeySet();

    /** {@code exchange}, with every stream it opens counted here until it closes. */
    KubeExchange tracking(KubeExchange exchange) {
        return new KubeExchange() {
            @Override
            public void reply(KubeResponse response) {
                exchange.reply(response);
            }

            @Override
            public Stream stream(String contentType, Duration limit) {
                Stream stream = exchange.stream(contentType, limit);
                open.add(stream);
                return new Stream() {
                    @Override
                    public boolean send(byte[] chunk) {
                        return stream.send(chunk);
                    }

                    @Override
                    public void end() {
                        open.remove(stream);
                        stream.end();
                    }

                    @Override
                    public void onClose(Runnable release) {
                        stream.onClose(() -> {
                            open.remove(stream);
                            release.run();
                        });
                    }
                };
            }
        };
    }

    /** Ends every stream still open. */
    void endAll() {
        for (KubeExchange.Stream stream : List.copyOf(open)) {
            open.remove(stream);
            stream.end();
        }
    }
}
