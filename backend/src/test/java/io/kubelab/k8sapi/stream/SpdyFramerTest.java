package io.kubelab.k8sapi.stream;

import io.kubelab.runtime.image.Network;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SpdyFramerTest {

    /** A SYN_STREAM as moby/spdystream writes it: stream 1, headers {streamtype: stdout}, zlib with the dictionary. */
    private static final byte[] SPDYSTREAM_SYN = HexFormat.of().parseHex("800300010000002b000000010000000000"
            + "0078f9e3c6a7c26260606004a7b392a2d4c45c6851c2565c92925f5a02000000ffff");

    @Test
    void readsSpdystreamsSynStreamInPieces() {
        SpdyFramer framer = new SpdyFramer();
        assertEquals(List.of(), framer.feed(java.util.Arrays.copyOf(SPDYSTREAM_SYN, 20)));
        List<SpdyFramer.Frame> frames = framer.feed(java.util.Arrays.copyOfRange(SPDYSTREAM_SYN, 20, SPDYSTREAM_SYN.length));
        assertEquals(List.of(new SpdyFramer.SynStream(1, Map.of("streamtype", "stdout"))), frames);
    }

    @Test
    void readsDataPingAndReset() {
        SpdyFramer framer = new SpdyFramer();
        byte[] bytes = HexFormat.of().parseHex("00000003" + "01000002" + "6869"       // DATA stream 3, FIN, "hi"
                + "80030006" + "00000004" + "0000000b"                                   // PING 11
                + "80030003" + "00000008" + "00000005" + "00000005"                      // RST_STREAM 5, CANCEL
                + "80030004" + "00000000");                                              // SETTINGS, empty
        List<SpdyFramer.Frame> frames = framer.feed(bytes);
        assertEquals(4, frames.size());
        SpdyFramer.Data data = (SpdyFramer.Data) frames.get(0);
        assertEquals(List.of(3, true, "hi"), List.of(data.streamId(), data.fin(), new String(data.data(), StandardCharsets.US_ASCII)));
        assertEquals(List.of(new SpdyFramer.Ping(11), new SpdyFramer.Reset(5), new SpdyFramer.Other(4)), frames.subList(1, 4));
    }

    @Test
    void writesFramesAClientReads() throws Exception {
        SpdyFramer framer = new SpdyFramer();
        assertArrayEquals(HexFormat.of().parseHex("00000001" + "01000003" + "616263"), framer.data(1, true,
                "abc".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(HexFormat.of().parseHex("80030006" + "00000004" + "00000007"), framer.ping(7));
        byte[] reply = framer.synReply(3);
        assertEquals("8003000200", HexFormat.of().formatHex(reply, 0, 5));
        assertEquals(3, java.nio.ByteBuffer.wrap(reply, 8, 4).getInt());
        // The header block inflates, with SPDY/3's dictionary, to zero pairs.
        Inflater inflater = new Inflater();
        inflater.setInput(reply, 12, reply.length - 12);
        byte[] out = new byte[16];
        int n = inflater.inflate(out);
        if (n == 0 && inflater.needsDictionary()) {
            byte[] dictionary;
            try (var in = SpdyFramer.class.getResourceAsStream("spdy3-dictionary.bin")) {
                dictionary = in.readAllBytes();
            }
            assertEquals(0xe3c6a7c2L, Integer.toUnsignedLong(inflater.getAdler()));
            inflater.setDictionary(dictionary);
            n = inflater.inflate(out);
        }
        assertEquals("00000000", HexFormat.of().formatHex(out, 0, n));
    }

    @Test
    void headerBlocksRoundTrip() {
        byte[] block = SpdyFramer.headerBlock(Map.of("Port", "80"));
        assertEquals("00000001" + "00000004" + "706f7274" + "00000002" + "3830", HexFormat.of().formatHex(block));
        assertEquals(Map.of("port", "80"), SpdyFramer.headers(block));
    }

    @Test
    void findsWhereEachHttpRequestEnds() {
        byte[] get = "GET / HTTP/1.1\r\nHost: localhost:8080\r\n\r\nPOST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nab"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(OptionalInt.of(40), HttpWire.requestLength(get, get.length));
        byte[] post = java.util.Arrays.copyOfRange(get, 40, get.length);
        assertEquals(OptionalInt.empty(), HttpWire.requestLength(post, post.length));
        byte[] whole = (new String(post, StandardCharsets.US_ASCII) + "c").getBytes(StandardCharsets.US_ASCII);
        assertEquals(OptionalInt.of(whole.length), HttpWire.requestLength(whole, whole.length));
        Network.HttpRequest parsed = HttpWire.parse(whole, "127.0.0.1");
        assertEquals(List.of("POST", "/x", "abc"), List.of(parsed.method(), parsed.path(), parsed.body()));
    }

    @Test
    void writesTheReplyWithItsLength() {
        byte[] bytes = HttpWire.response(new Network.HttpReply(404, "Not Found",
                List.of("Server: nginx/1.27.3", "Content-Length: 99", "Content-Type: text/html"), "nope\n"));
        assertEquals("HTTP/1.1 404 Not Found\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\n"
                + "Content-Length: 5\r\n\r\nnope\n", new String(bytes, StandardCharsets.UTF_8));
    }
}
