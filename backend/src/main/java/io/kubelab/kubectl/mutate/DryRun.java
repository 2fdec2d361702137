package io.kubelab.kubectl.mutate;

import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;

/** kubectl's {@code --dry-run} strategies and the suffix its messages get. */
public enum DryRun {
    NONE(""), CLIENT(" (dry run)"), SERVER(" (server dry run)");

    public static final String FLAG = "dry-run";

    /** The flag as every changing verb declares it. */
    public static final Flag DRY_RUN = Flag.string(FLAG, "", "none", "Must be \"none\", \"server\", or \"client\". "
            + "If client strategy, only print the object that would be sent, without sending it. If server strategy, "
            + "submit server-side request without persisting the resource.").withNoOptDefault("unchanged");

    /** What kubectl appends to {@code deleted}, {@code labeled}...: {@code (dry run)}. */
    public final String suffix;

    DryRun(String suffix) {
        this.suffix = suffix;
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
}
