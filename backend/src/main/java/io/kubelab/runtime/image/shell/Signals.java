package io.kubelab.runtime.image.shell;

/** Control flow that unwinds the interpreter's frames: exit, break, continue, return, a sleep that never ends. */
final class Signals {

    private Signals() {
    }

    static final class Exit extends RuntimeException {
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    static final class Break extends RuntimeException {
        final int levels;
        final boolean isContinue;

        Break(int levels, boolean isContinue) {
            super(null, null, false, false);
            this.levels = levels;
            this.isContinue = isContinue;
        }
    }

    static final class Return extends RuntimeException {
        final int code;

        Return(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** The shell runs one of the image's own programs in the foreground: the container is that program now. */
    static final class Handover extends RuntimeException {
        final java.util.List<String> argv;

        Handover(java.util.List<String> argv) {
            super(null, null, false, false);
            this.argv = argv;
        }
    }

    /** {@code sleep infinity}, {@code tail -f}, {@code wait} on nothing: the shell blocks until it is killed. */
    static final class Forever extends RuntimeException {
        Forever() {
            super(null, null, false, false);
        }
    }
}
