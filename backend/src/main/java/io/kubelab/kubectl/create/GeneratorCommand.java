package io.kubelab.kubectl.create;

import io.kubelab.kubectl.DryRun;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.apply.LastApplied;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * One of {@code kubectl create}'s generators ({@code create deployment NAME ...}): cobra's required flags,
 * exactly one NAME, the object built from the flags as the Go struct kubectl fills, the saved configuration
 * of {@code --save-config}, then the create (or only the print of a client dry run).
 */
public abstract class GeneratorCommand extends Command {

    /** The flags of this generator alone; the shared ones are added by {@link #flags()}. */
    protected abstract FlagSet generatorFlags();

    /** The apiVersion and kind of the object the generator makes. */
    protected abstract String apiVersion();

    protected abstract String kind();

    /**
     * Builds the object; {@code namespace} is the namespace to write into its metadata (kubectl does so
     * only when {@code -n} was given), or null.
     */
    protected abstract ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException;

    /** Flags cobra requires ({@code MarkFlagRequired}), reported before anything else runs. */
    protected List<String> requiredFlags() {
        return List.of();
    }

    /** Whether {@code --save-config} is honoured (kubectl's service generators ignore it). */
    protected boolean savesConfig() {
        return true;
    }

    /**
     * How a failed create is reported: most generators hand the server's error straight to kubectl's
     * error printer; some wrap it ({@code failed to create deployment: ...}).
     */
    protected String createErrorPrefix() {
        return "";
    }

    @Override
    public FlagSet flags() {
        return WriteFlags.addWithSaveConfig(generatorFlags(), "kubectl-create");
    }

    protected final ResourceType type() {
        return ResourceTypes.of(apiVersion(), kind());
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        checkRequired(flags, requiredFlags());
        String name = name(ctx, flags);
        DryRun dryRun = DryRun.of(flags);
        var options = WriteFlags.options(flags, dryRun);
        ResourceType type = type();
        String namespace = type.namespaced() && ctx.namespaceGiven() ? ctx.namespace() : null;
        ObjectNode object = build(ctx, flags, name, namespace);
        if (savesConfig() && flags.bool(WriteFlags.SAVE_CONFIG)) {
            LastApplied.set(object, true);
        }
        ObjectNode result;
        try {
            result = Creation.create(ctx, type, ctx.namespace(), object, dryRun, options);
        } catch (StatusException e) {
            if (createErrorPrefix().isEmpty()) {
                throw ServerErrors.of(e);
            }
            throw KubectlException.error(createErrorPrefix() + e.status().message());
        }
        if (dryRun.sendsNothing()) {
            OutputFlags.printBuilt(ctx, flags, result, "created" + dryRun.suffix());
            return;
        }
        OutputFlags.print(ctx, flags, List.of(result), "created" + dryRun.suffix());
    }

    /** kubectl's {@code NameFromCommandArgs}: exactly one NAME before any {@code --}. */
    protected String name(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> args = flags.args();
        int names = flags.argsLenAtDash() >= 0 ? flags.argsLenAtDash() : args.size();
        if (names != 1) {
            throw KubectlException.usageHelp(ctx.commandPath(), "exactly one NAME is required, got " + names);
        }
        return args.get(0);
    }

    /** The words after NAME, which some generators run as the container's command. */
    protected static List<String> command(ParsedFlags flags) {
        List<String> args = flags.args();
        return args.size() > 1 ? args.subList(1, args.size()) : List.of();
    }

    /** Cobra's check of required flags, with its message naming every missing one. */
    public static void checkRequired(ParsedFlags flags, List<String> required) throws KubectlException {
        List<String> missing = new ArrayList<>();
        for (String flag : required) {
            if (!flags.changed(flag)) {
                missing.add(flag);
            }
        }
        if (!missing.isEmpty()) {
            missing.sort(null);
            throw KubectlException.error("required flag(s) \"" + String.join("\", \"", missing) + "\" not set");
        }
    }
}
