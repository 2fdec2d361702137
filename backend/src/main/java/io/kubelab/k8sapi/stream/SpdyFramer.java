package io.kubelab.k8sapi.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The server's half of a SPDY/3 connection as kubectl's port-forward speaks it (moby/spdystream, inside the
 * WebSocket tunnel): frames read from a byte stream that arrives in arbitrary pieces, and the frames a server
 * answers with. Header blocks are zlib streams primed with SPDY/3's dictionary, one stream per direction for
 * the connection's life, flushed at each frame. Not thread-safe: one connection, one caller at a time.
 */
public final class SpdyFramer {

    static final int SYN_STREAM = 1;
    static final int SYN_REPLY = 2;
    static final int RST_STREAM = 3;
    static final int PING = 6;
    static final int GOAWAY = 7;
    static final int FLAG_FIN = 1;
    private static final int VERSION = 3;
    /** A frame larger than this ends the connection: port-forward's frames are a few kilobytes. */
    static final int MAX_FRAME = 1024 * 1024;
    private static final byte[] DICTIONARY = dictionary();

    public sealed interface Frame permits SynStream, Data, Reset, Ping, Other {
    }

    /** A stream the client opens, with its headers (names in lower case). */
    public record SynStream(int streamId, Map<String, String> headers) implements Frame {
    }

    public record Data(int streamId, boolean fin, byte[] data) implements Frame {
    }

    public record Reset(int streamId) implements Frame {
    }

    public record Ping(int id) implements Frame {
    }

    /** SETTINGS, WINDOW_UPDATE, GOAWAY, HEADERS...: nothing port-forward needs to act on. */
    public record Other(int type) implements Frame {
    }

    private final Pending pending = new Pending();

    /** The bytes received and not yet framed. */
    private static final class Pending extends ByteArrayOutputStream {
        /** Whether a whole frame (8-byte header and its length) is in, or its header claims too much. */
        boolean holdsFrame() {
            if (count < 8) {
                return false;
            }
            int length = ((buf[5] & 0xff) << 16) | ((buf[6] & 0xff) << 8) | (buf[7] & 0xff);
            return length > MAX_FRAME || count >= 8 + length;
        }
    }
    private final Inflater inflater = new Inflater();
    private final Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);

    public SpdyFramer() {
        deflater.setDictionary(DICTIONARY);
    }

    /** Takes bytes from the client; answers the frames they complete (a partial frame waits for more). */
    public List<Frame> feed(byte[] bytes) {
        pending.write(bytes, 0, bytes.length);
        if (!pending.holdsFrame()) {
            // A frame arriving in many small messages is not copied again for each of them.
            return List.of();
        }
        byte[] all = pending.toByteArray();
        ByteBuffer in = ByteBuffer.wrap(all);
        List<Frame> frames = new ArrayList<>();
        while (in.remaining() >= 8) {
            int length = ((in.get(in.position() + 5) & 0xff) << 16) | ((in.get(in.position() + 6) & 0xff) << 8)
                    | (in.get(in.position() + 7) & 0xff);
            if (length > MAX_FRAME) {
                throw new IllegalArgumentException("a SPDY frame of " + length + " bytes");
            }
            if (in.remaining() < 8 + length) {
                break;
            }
            int first = in.getInt();
            int flagsAndLength = in.getInt();
            byte[] data = new byte[length];
            in.get(data);
            int flags = flagsAndLength >>> 24;
            if (first < 0) {
                frames.add(control(first & 0xffff, data));
            } else {
                frames.add(new Data(first, (flags & FLAG_FIN) != 0, data));
            }
        }
        pending.reset();
        pending.write(all, in.position(), in.remaining());
        return frames;
    }

    private Frame control(int type, byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        return switch (type) {
            case SYN_STREAM -> {
                int id = in.getInt() & 0x7fffffff;
                yield new SynStream(id, headers(inflate(data, 10)));
            }
            case RST_STREAM -> new Reset(in.getInt() & 0x7fffffff);
            case PING -> new Ping(in.getInt());
            default -> new Other(type);
        };
    }

    /** SYN_REPLY: the server accepts stream {@code id} (with no headers). */
    public byte[] synReply(int id) {
        ByteBuffer body = ByteBuffer.allocate(4).putInt(id & 0x7fffffff);
        return control(SYN_REPLY, 0, concat(body.array(), deflate(headerBlock(Map.of()))));
    }

    public byte[] data(int id, boolean fin, byte[] data) {
        ByteBuffer frame = ByteBuffer.allocate(8 + data.length);
        frame.putInt(id & 0x7fffffff).putInt(((fin ? FLAG_FIN : 0) << 24) | data.length).put(data);
        return frame.array();
    }

    public byte[] ping(int id) {
        return control(PING, 0, ByteBuffer.allocate(4).putInt(id).array());
    }

    public byte[] reset(int id, int status) {
        return control(RST_STREAM, 0, ByteBuffer.allocate(8).putInt(id & 0x7fffffff).putInt(status).array());
    }

    private static byte[] control(int type, int flags, byte[] data) {
        ByteBuffer frame = ByteBuffer.allocate(8 + data.length);
        frame.putShort((short) (0x8000 | VERSION)).putShort((short) type).putInt((flags << 24) | data.length).put(data);
        return frame.array();
    }

    /** The uncompressed header block: pair count, then each name and value with its length. */
    static byte[] headerBlock(Map<String, String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(headers.size()).array());
        headers.forEach((name, value) -> {
            for (String s : List.of(name.toLowerCase(Locale.ROOT), value)) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        });
        return out.toByteArray();
    }

    static Map<String, String> headers(byte[] block) {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(block);
        int count = in.remaining() >= 4 ? in.getInt() : 0;
        for (int i = 0; i < count && in.remaining() >= 4; i++) {
            String name = string(in);
            String value = in.remaining() >= 4 ? string(in) : "";
            headers.put(name.toLowerCase(Locale.ROOT), value);
        }
        return headers;
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a SPDY header runs past its block");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private byte[] inflate(byte[] data, int from) {
        inflater.setInput(data, from, data.length - from);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                int n = inflater.inflate(buffer);
                if (n > 0) {
                    out.write(buffer, 0, n);
                    if (out.size() > MAX_FRAME) {
                        throw new IllegalArgumentException("a SPDY header block inflates past its limit");
                    }
                } else if (inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY);
                } else if (inflater.needsInput() || inflater.finished()) {
                    return out.toByteArray();
                }
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("a SPDY header block that does not inflate", e);
        }
    }

    private byte[] deflate(byte[] block) {
        deflater.setInput(block);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** SPDY/3's header compression dictionary (1423 bytes, Adler-32 e3c6a7c2), kept as a resource. */
    private static byte[] dictionary() {
        try (InputStream in = SpdyFramer.class.getResourceAsStream("spdy3-dictionary.bin")) {
            if (in == null) {
                throw new IllegalStateException("spdy3-dictionary.bin is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frees the compressors' native memory when the connection ends. */
    public void close() {
        inflater.end();
        deflater.end();
    }
}
