package io.kubelab.runtime.image.container;

/**
 * Which userland an image ships: it decides the shell's name and its error wording ({@code sh: foo: not
 * found} from busybox ash, {@code sh: 1: foo: not found} from Debian's dash, {@code bash: line 1: foo:
 * command not found} from bash), and whether there is a shell at all (distroless images have none).
 */
public enum Flavour {
    /** busybox and alpine: ash and the busybox applets. */
    BUSYBOX,
    /** Debian and Ubuntu based images: dash as sh, bash, coreutils. */
    DEBIAN,
    /** Red Hat family (mysql's Oracle Linux): bash as sh. */
    REDHAT,
    /** A single static binary and nothing else (pause, http-echo). */
    DISTROLESS;

    public boolean hasShell() {
        return this != DISTROLESS;
    }

    public boolean hasBash() {
        return this == DEBIAN || this == REDHAT;
    }
}
