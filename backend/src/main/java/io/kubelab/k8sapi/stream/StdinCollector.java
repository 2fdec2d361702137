package io.kubelab.k8sapi.stream;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client's side of an exec session as it arrives, message by message: stdin is gathered until the client
 * closes it (v5's close signal), for the simulated command, which takes its whole input at once. With a TTY
 * the client's terminal is raw: the characters typed come one by one and nobody closes stdin, so this plays
 * the terminal's line discipline: it echoes what is typed (Enter as a new line), ends input at Ctrl-D and
 * aborts at Ctrl-C. Resize messages are taken and ignored.
 */
public final class StdinCollector {

    private static final byte CTRL_C = 3;
    private static final byte CTRL_D = 4;
    private static final byte BACKSPACE = 8;
    private static final byte DELETE = 127;

    private final ChannelProtocol protocol;
    private final boolean tty;
    private final int limit;
    private final Typed stdin = new Typed();
    private boolean closed;
    private boolean interrupted;
    private boolean overflow;

    public StdinCollector(ChannelProtocol protocol, boolean tty, int limit) {
        this.protocol = protocol;
        this.tty = tty;
        this.limit = limit;
    }

    /** Takes one message from the client; answers what goes back at once (a TTY's echo), if anything. */
    public List<byte[]> accept(byte[] message) {
        Optional<ChannelFrames.Frame> decoded = ChannelFrames.decode(protocol, message);
        if (decoded.isEmpty() || closed) {
            return List.of();
        }
        ChannelFrames.Frame frame = decoded.get();
        if (frame.channel() == ChannelProtocol.CLOSE && protocol.closeSignal()) {
            if (frame.data().length == 1 && frame.data()[0] == ChannelProtocol.STDIN) {
                closed = true;
            }
            return List.of();
        }
        if (frame.channel() != ChannelProtocol.STDIN) {
            return List.of();
        }
        if (!tty) {
            append(frame.data(), 0, frame.data().length);
            return List.of();
        }
        return typed(frame.data());
    }

    private List<byte[]> typed(byte[] data) {
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        for (byte b : data) {
            if (b == CTRL_C) {
                interrupted = true;
                closed = true;
                echo.writeBytes("^C\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                break;
            }
            if (b == CTRL_D) {
                closed = true;
                break;
            }
            if (b == BACKSPACE || b == DELETE) {
                if (stdin.size() > 0 && lastByte() != '\n') {
                    stdin.dropLast();
                    echo.writeBytes(new byte[] {BACKSPACE, ' ', BACKSPACE});
                }
                continue;
            }
            if (b == '\r' || b == '\n') {
                append(new byte[] {'\n'}, 0, 1);
                echo.writeBytes(new byte[] {'\r', '\n'});
                continue;
            }
            append(new byte[] {b}, 0, 1);
            echo.write(b);
        }
        return echo.size() == 0 ? List.of()
                : List.of(ChannelFrames.encode(protocol, ChannelProtocol.STDOUT, echo.toByteArray()));
    }

    private int lastByte() {
        return stdin.last();
    }

    /** What was typed so far; a backspace drops its last byte in place (copying it all was quadratic). */
    private static final class Typed extends ByteArrayOutputStream {
        void dropLast() {
            count--;
        }

        int last() {
            return buf[count - 1];
        }
    }

    private void append(byte[] data, int from, int length) {
        if (stdin.size() + length > limit) {
            overflow = true;
            closed = true;
            return;
        }
        stdin.write(data, from, length);
    }

    /** Input has ended: the command can run. */
    public boolean closed() {
        return closed;
    }

    /** Ctrl-C on a TTY: the session ends without running the command. */
    public boolean interrupted() {
        return interrupted;
    }

    /** More stdin than the limit arrived. */
    public boolean overflow() {
        return overflow;
    }

    public byte[] stdin() {
        return stdin.toByteArray();
    }
}
