package io.kubelab.runtime.image.shell;

/** A command's three standard streams. */
public record Io(Sink out, Sink err, String stdin) {

    public Io withOut(Sink s) {
        return new Io(s, err, stdin);
    }

    public Io withErr(Sink s) {
        return new Io(out, s, stdin);
    }

    public Io withStdin(String s) {
        return new Io(out, err, s);
    }
}
