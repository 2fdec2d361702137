package io.kubelab.k8sapi.stream;

import io.kubelab.runtime.image.Network;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * HTTP/1.1 as it crosses a forwarded port: where one request ends in the bytes a client sent (headers, then
 * {@code Content-Length} bytes of body; chunked bodies are not read), the request the simulated container
 * answers, and its reply written back as bytes.
 */
public final class HttpWire {

    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    private HttpWire() {
    }

    /** The length of the first complete request in {@code bytes}, or empty while it is still arriving. */
    public static OptionalInt requestLength(byte[] bytes, int length) {
        int end = indexOf(bytes, length, END_OF_HEADERS);
        if (end < 0) {
            return OptionalInt.empty();
        }
        int headersEnd = end + END_OF_HEADERS.length;
        long total = headersEnd + contentLength(new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
        return total <= length ? OptionalInt.of((int) total) : OptionalInt.empty();
    }

    /** The request in {@code bytes} (one whole request), as a client in the pod's own network sends it. */
    public static Network.HttpRequest parse(byte[] bytes, String clientAddress) {
        int end = indexOf(bytes, bytes.length, END_OF_HEADERS);
        String head = new String(bytes, 0, end < 0 ? bytes.length : end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] start = lines[0].split(" ");
        List<String> headers = new ArrayList<>();
        String host = "";
        String agent = "";
        for (int i = 1; i < lines.length; i++) {
            headers.add(lines[i]);
            int colon = lines[i].indexOf(':');
            String name = colon < 0 ? "" : lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : lines[i].substring(colon + 1).strip();
            if (name.equals("host")) {
                host = value;
            } else if (name.equals("user-agent")) {
                agent = value;
            }
        }
        String body = end < 0 ? "" : new String(bytes, end + END_OF_HEADERS.length,
                bytes.length - end - END_OF_HEADERS.length, StandardCharsets.UTF_8);
        return new Network.HttpRequest(start[0], host, start.length > 1 ? start[1] : "/", headers, body,
                clientAddress, agent);
    }

    /** The reply as the container's server writes it, with its own length so the client knows where it ends. */
    public static byte[] response(Network.HttpReply reply) {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(' ').append(reply.reason())
                .append("\r\n");
        for (String header : reply.headers()) {
            String name = header.contains(":") ? header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
            if (!name.equals("content-length") && !name.equals("transfer-encoding")) {
                head.append(header).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                Optional<Long> value = parse(line.substring(15).strip());
                // Negative or huge lengths would overflow the total; such a request never completes.
                return Math.max(0, Math.min(value.orElse(0L), Integer.MAX_VALUE));
            }
        }
        return 0;
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] bytes, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
