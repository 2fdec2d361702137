package io.kubelab.kubectl.create;

import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.ParsedFlags;

/**
 * kubectl's {@code --dry-run}: {@code none} sends the request, {@code client} only prints the object that
 * would be sent, {@code server} sends it with {@code dryRun=All} so nothing is stored.
 */
public enum DryRun {
    NONE(""), CLIENT(" (dry run)"), SERVER(" (server dry run)");

    public static final String FLAG = "dry-run";

    private final String suffix;

    DryRun(String suffix) {
        this.suffix = suffix;
    }

    /** The strategy {@code --dry-run} names, with kubectl's message for anything else. */
    public static DryRun of(ParsedFlags flags) throws KubectlException {
        String value = flags.string(FLAG);
        return switch (value) {
            case "none" -> NONE;
            // A bare --dry-run (pflag's "unchanged") is the old spelling of client.
            case "client", "unchanged" -> CLIENT;
            case "server" -> SERVER;
            default -> throw KubectlException.error("Invalid dry-run value (" + value
                    + "). Must be \"none\", \"server\", or \"client\".");
        };
    }

    /** What follows {@code created} and the like: {@code " (dry run)"}, {@code " (server dry run)"} or nothing. */
    public String suffix() {
        return suffix;
    }

    public boolean sendsNothing() {
        return this == CLIENT;
    }
}
