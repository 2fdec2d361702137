package io.kubelab.runtime.image;

import java.util.List;
import java.util.Optional;

/** The cluster network as a container reaches it: name resolution and HTTP/TCP to other addresses. */
public interface Network {

    /** The addresses {@code name} resolves to from inside the pod (search path applied), empty if none. */
    List<String> resolve(String name);

    /**
     * Sends {@code request} to {@code address:port}; a {@link Failure} when nothing answers (connection refused or
     * timed out: {@code reason} says which, in curl's words, through {@link Failure}).
     */
    HttpExchange send(String address, int port, HttpRequest request);

    /** Whether a TCP connection to {@code address:port} would open. */
    boolean connects(String address, int port);

    /** A network with nothing on it: every name fails to resolve and every connection is refused. */
    Network NONE = new Network() {
        @Override
        public List<String> resolve(String name) {
            return List.of();
        }

        @Override
        public HttpExchange send(String address, int port, HttpRequest request) {
            return new Failure("Connection refused");
        }

        @Override
        public boolean connects(String address, int port) {
            return false;
        }
    };

    /** An HTTP request as a client inside the cluster makes it. */
    record HttpRequest(String method, String host, String path, List<String> headers, String body,
                       String clientAddress, String userAgent) {
    }

    sealed interface HttpExchange permits Answered, Failure {
    }

    record Answered(HttpReply reply) implements HttpExchange {
    }

    /** No answer: {@code reason} like {@code Connection refused}, {@code Connection timed out}. */
    record Failure(String reason) implements HttpExchange {
    }

    /** An HTTP answer; {@code headers} as {@code Name: value} lines. */
    record HttpReply(int status, String reason, List<String> headers, String body) {
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst();
        }
    }
}
