package io.kubelab.runtime.image.shell;

import java.util.function.Consumer;

/** Where a command's stdout or stderr goes: the container log line by line, a capture, a file, nowhere. */
public interface Sink {

    int MAX_CAPTURE = 1 << 20;
    int MAX_LINE = 16 * 1024;

    void write(String text);

    /** Sends a trailing partial line on (the process ended or the redirect closed). */
    default void flush() {
    }

    Sink NULL = text -> {
    };

    /** Cuts text into lines for {@code lines}; a partial line waits for its newline or {@link #flush()}. */
    static Sink lines(Consumer<String> lines) {
        return new Sink() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void write(String text) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n') {
                        lines.accept(partial.toString());
                        partial.setLength(0);
                    } else if (partial.length() < MAX_LINE) {
                        partial.append(c);
                    }
                }
            }

            @Override
            public void flush() {
                if (partial.length() > 0) {
                    lines.accept(partial.toString());
                    partial.setLength(0);
                }
            }
        };
    }

    /** Keeps what is written, up to {@value #MAX_CAPTURE} characters. */
    final class Capture implements Sink {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(String s) {
            int room = MAX_CAPTURE - text.length();
            if (room > 0) {
                text.append(s, 0, Math.min(room, s.length()));
            }
        }

        public String text() {
            return text.toString();
        }
    }
}
