package io.kubelab.kubectl;

import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.ParsedFlags;

/**
 * kubectl's {@code --dry-run}: {@code none} sends the request, {@code client} only prints the object that
 * would be sent, {@code server} sends it with {@code dryRun=All} so nothing is stored. A bare {@code --dry-run}
 * (pflag's {@code unchanged}) is the old spelling of {@code client}.
 */
public enum DryRun {
    NONE(""), CLIENT(" (dry run)"), SERVER(" (server dry run)");

    public static final String FLAG = "dry-run";

    /** The flag as every verb that can dry-run declares it. */
    public static final Flag DRY_RUN = Flag.string(FLAG, "", "none", "Must be \"none\", \"server\", or \"client\". "
            + "If client strategy, only print the object that would be sent, without sending it. If server strategy, "
            + "submit server-side request without persisting the resource.").withNoOptDefault("unchanged");

    private final String suffix;

    DryRun(String suffix) {
        this.suffix = suffix;
    }

    /** The strategy {@code --dry-run} names, with kubectl's message for anything else. */
    public static DryRun of(ParsedFlags flags) throws KubectlException {
        return parse(flags.string(FLAG));
    }

    public static DryRun parse(String value) throws KubectlException {
        return switch (value) {
            case "none" -> NONE;
            case "client", "unchanged" -> CLIENT;
            case "server" -> SERVER;
            default -> throw KubectlException.error("Invalid dry-run value (" + value
                    + "). Must be \"none\", \"server\", or \"client\".");
        };
    }

    /** What follows {@code created}, {@code labeled} and the like: {@code " (dry run)"}, {@code " (server dry run)"} or nothing. */
    public String suffix() {
        return suffix;
    }

    public boolean sendsNothing() {
        return this == CLIENT;
    }
}
