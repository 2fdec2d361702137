package io.kubelab.k8sapi.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * WebSocket messages of a {@link ChannelProtocol}, and the packing that carries several of them in one body
 * between the API and the transport (a 4-byte big-endian length before each message).
 */
public final class ChannelFrames {

    /** kubelet copies a stream in 32 KiB reads: one message per read. */
    static final int CHUNK = 32 * 1024;

    /** One message: its channel and its payload, decoded. */
    public record Frame(int channel, byte[] data) {
    }

    private ChannelFrames() {
    }

    /** The message for {@code data} on {@code channel}: the bytes of a binary message or of a text message. */
    public static byte[] encode(ChannelProtocol protocol, int channel, byte[] data) {
        if (protocol.binary()) {
            byte[] message = new byte[data.length + 1];
            message[0] = (byte) channel;
            System.arraycopy(data, 0, message, 1, data.length);
            return message;
        }
        return ((char) ('0' + channel) + Base64.getEncoder().encodeToString(data)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The channel and payload of a message from the client; empty for an empty or undecodable message. */
    public static Optional<Frame> decode(ChannelProtocol protocol, byte[] message) {
        if (message.length == 0) {
            return Optional.empty();
        }
        if (protocol.binary()) {
            byte[] data = new byte[message.length - 1];
            System.arraycopy(message, 1, data, 0, data.length);
            return Optional.of(new Frame(message[0] & 0xff, data));
        }
        try {
            byte[] data = Base64.getDecoder().decode(java.util.Arrays.copyOfRange(message, 1, message.length));
            return Optional.of(new Frame((message[0] - '0') & 0xff, data));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code data} on {@code channel} as messages of at most {@link #CHUNK} bytes each (none for no data). */
    public static List<byte[]> messages(ChannelProtocol protocol, int channel, byte[] data) {
        List<byte[]> messages = new ArrayList<>();
        for (int at = 0; at < data.length; at += CHUNK) {
            byte[] part = java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + CHUNK));
            messages.add(encode(protocol, channel, part));
        }
        return messages;
    }

    public static byte[] pack(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] message : messages) {
            out.write(message.length >>> 24);
            out.write(message.length >>> 16);
            out.write(message.length >>> 8);
            out.write(message.length);
            out.write(message, 0, message.length);
        }
        return out.toByteArray();
    }

    public static List<byte[]> unpack(byte[] body) {
        List<byte[]> messages = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(body);
        while (in.remaining() >= 4) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("a packed message runs past the body's end");
            }
            byte[] message = new byte[length];
            in.get(message);
            messages.add(message);
        }
        return messages;
    }
}
