package io.kubelab.k8sapi.stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelFramesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v5.channel.k8s.io, v4.channel.k8s.io | V5",
            "v4.channel.k8s.io                    | V4",
            "SPDY/3.1+portforward.k8s.io, v4.base64.channel.k8s.io | V4_BASE64",
            "base64.channel.k8s.io                | V1_BASE64",
            "channel.k8s.io                       | V1",
            "''                                   | V1",
            "v3.channel.k8s.io                    | NONE",
    })
    void negotiatesTheFirstOfferedProtocolSpoken(String offered, String expected) {
        assertEquals(expected, ChannelProtocol.negotiate(offered).map(Enum::name).orElse("NONE"));
    }

    @Test
    void binaryMessagesStartWithTheChannelByte() {
        assertArrayEquals(new byte[] {1, 'h', 'i', '\n'},
                ChannelFrames.encode(ChannelProtocol.V5, 1, "hi\n".getBytes(StandardCharsets.US_ASCII)));
        ChannelFrames.Frame frame = ChannelFrames.decode(ChannelProtocol.V4, new byte[] {0, 'f', 'o', 'o'}).orElseThrow();
        assertEquals(0, frame.channel());
        assertEquals("foo", new String(frame.data(), StandardCharsets.US_ASCII));
    }

    @Test
    void base64MessagesStartWithTheChannelDigit() {
        // wsstream's own example: "foo\n" on stdin, "\n" on stdout.
        assertEquals("1Cg==", new String(ChannelFrames.encode(ChannelProtocol.V1_BASE64, 1, new byte[] {'\n'}),
                StandardCharsets.US_ASCII));
        ChannelFrames.Frame frame = ChannelFrames.decode(ChannelProtocol.V4_BASE64,
                "0Zm9vCg==".getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        assertEquals(0, frame.channel());
        assertEquals("foo\n", new String(frame.data(), StandardCharsets.US_ASCII));
        assertEquals(Optional.empty(), ChannelFrames.decode(ChannelProtocol.V4_BASE64,
                "0!!".getBytes(StandardCharsets.US_ASCII)).map(ChannelFrames.Frame::channel));
        assertEquals(Optional.empty(), ChannelFrames.decode(ChannelProtocol.V5, new byte[0]).map(ChannelFrames.Frame::channel));
    }

    @Test
    void longOutputIsCutInto32KiBMessages() {
        List<byte[]> messages = ChannelFrames.messages(ChannelProtocol.V5, 2, new byte[70 * 1024]);
        assertEquals(List.of(32 * 1024 + 1, 32 * 1024 + 1, 6 * 1024 + 1), messages.stream().map(m -> m.length).toList());
        assertEquals(List.of(), ChannelFrames.messages(ChannelProtocol.V5, 1, new byte[0]));
    }

    @Test
    void packedMessagesComeBackInOrder() {
        byte[] packed = ChannelFrames.pack(List.of(new byte[] {1, 'a'}, new byte[] {}, new byte[] {3, '{', '}'}));
        assertArrayEquals(new byte[] {0, 0, 0, 2, 1, 'a', 0, 0, 0, 0, 0, 0, 0, 3, 3, '{', '}'}, packed);
        List<byte[]> back = ChannelFrames.unpack(packed);
        assertEquals(List.of("[1, 97]", "[]", "[3, 123, 125]"), back.stream().map(java.util.Arrays::toString).toList());
        assertThrows(IllegalArgumentException.class, () -> ChannelFrames.unpack(new byte[] {0, 0, 0, 9, 1}));
    }

    @Test
    void theErrorChannelSaysHowTheCommandEnded() {
        assertEquals("{\"metadata\":{},\"status\":\"Success\"}",
                new String(ErrorChannel.success(ChannelProtocol.V5).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code: "
                        + "error executing command [sh -c exit 3], exit code 3\",\"reason\":\"NonZeroExitCode\","
                        + "\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"3\"}]}}",
                new String(ErrorChannel.exitCode(ChannelProtocol.V4, List.of("sh", "-c", "exit 3"), 3).orElseThrow(),
                        StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), ErrorChannel.success(ChannelProtocol.V1));
        assertEquals("command terminated with non-zero exit code: error executing command [false], exit code 1",
                new String(ErrorChannel.exitCode(ChannelProtocol.V1, List.of("false"), 1).orElseThrow(),
                        StandardCharsets.UTF_8));
        String failure = new String(ErrorChannel.failure(ChannelProtocol.V5,
                io.kubelab.apiserver.Status.badRequest("unable to upgrade connection: container not found (\"web\")"))
                .orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(failure.startsWith("{\"metadata\":{},\"status\":\"Failure\",\"message\":\"unable to upgrade"), failure);
    }
}
