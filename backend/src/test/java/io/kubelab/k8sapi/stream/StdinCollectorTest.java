package io.kubelab.k8sapi.stream;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StdinCollectorTest {

    private static byte[] stdin(String text) {
        return ChannelFrames.encode(ChannelProtocol.V5, 0, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(List<byte[]> messages) {
        StringBuilder out = new StringBuilder();
        messages.forEach(m -> out.append(m[0]).append(':').append(new String(m, 1, m.length - 1, StandardCharsets.UTF_8)));
        return out.toString();
    }

    @Test
    void v5GathersStdinUntilTheCloseSignal() {
        StdinCollector c = new StdinCollector(ChannelProtocol.V5, false, 100);
        c.accept(stdin("one\n"));
        c.accept(new byte[] {4, '{', '}'});
        c.accept(new byte[] {(byte) 255, 1});
        assertEquals(List.of(false, "one\n"), List.of(c.closed(), new String(c.stdin(), StandardCharsets.UTF_8)));
        c.accept(stdin("two\n"));
        c.accept(new byte[] {(byte) 255, 0});
        c.accept(stdin("late\n"));
        assertEquals(List.of(true, "one\ntwo\n"), List.of(c.closed(), new String(c.stdin(), StandardCharsets.UTF_8)));
    }

    @Test
    void v4HasNoCloseSignal() {
        StdinCollector c = new StdinCollector(ChannelProtocol.V4, false, 100);
        c.accept(new byte[] {(byte) 255, 0});
        assertEquals(false, c.closed());
    }

    @Test
    void stdinOverTheLimitEndsTheSession() {
        StdinCollector c = new StdinCollector(ChannelProtocol.V5, false, 4);
        c.accept(stdin("abc"));
        c.accept(stdin("de"));
        assertEquals(List.of(true, true, "abc"), List.of(c.overflow(), c.closed(), new String(c.stdin(), StandardCharsets.UTF_8)));
    }

    @Test
    void aTerminalEchoesAndEndsAtCtrlD() {
        StdinCollector c = new StdinCollector(ChannelProtocol.V5, true, 100);
        assertEquals("1:l", text(c.accept(stdin("l"))));
        assertEquals("1:sx\b \b\r\n", text(c.accept(stdin("sx\u007f\r"))));
        assertEquals("", text(c.accept(stdin("\u0004"))));
        assertEquals(List.of(true, false, "ls\n"), List.of(c.closed(), c.interrupted(),
                new String(c.stdin(), StandardCharsets.UTF_8)));
    }

    @Test
    void ctrlCInterrupts() {
        StdinCollector c = new StdinCollector(ChannelProtocol.V5, true, 100);
        assertEquals("1:ab^C\r\n", text(c.accept(stdin("ab\u0003cd"))));
        assertEquals(List.of(true, true), List.of(c.closed(), c.interrupted()));
    }
}
