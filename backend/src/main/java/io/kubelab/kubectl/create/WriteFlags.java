package io.kubelab.kubectl.create;

import io.kubelab.kubectl.DryRun;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/**
 * The flags every verb that writes objects shares ({@code --dry-run}, {@code --field-manager},
 * {@code --save-config}, {@code --validate}, and the output flags), with their help texts as kubectl's,
 * and the request options they amount to.
 */
public final class WriteFlags {

    public static final String SAVE_CONFIG = "save-config";
    public static final String VALIDATE = "validate";
    public static final String FIELD_MANAGER = "field-manager";

    private WriteFlags() {
    }

    /** Output, {@code --dry-run}, {@code --field-manager} (with the verb's default) and {@code --validate}. */
    public static FlagSet add(FlagSet flags, String fieldManager) {
        return OutputFlags.add(flags)
                .add(DryRun.DRY_RUN)
                .add(Flag.string(FIELD_MANAGER, "", fieldManager, "Name of the manager used to track field ownership."))
                .add(Flag.string(VALIDATE, "", "strict", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."));
    }

    /** The above and {@code --save-config}, as create and its generators, run and expose have it. */
    public static FlagSet addWithSaveConfig(FlagSet flags, String fieldManager) {
        return add(flags, fieldManager).add(Flag.bool(SAVE_CONFIG, "", false, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."));
    }

    /** kubectl's {@code GetValidationDirective}: the server's field validation {@code --validate} asks for. */
    public static RequestOptions.FieldValidation validation(ParsedFlags flags) throws KubectlException {
        String value = flags.string(VALIDATE);
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "strict" -> RequestOptions.FieldValidation.STRICT;
            case "warn" -> RequestOptions.FieldValidation.WARN;
            case "false", "ignore" -> RequestOptions.FieldValidation.IGNORE;
            default -> throw KubectlException.error("invalid - validate option \"" + value
                    + "\"; must be one of: strict (or true), warn, ignore (or false)");
        };
    }

    /** The options of a write: server dry run, field validation and the field manager. */
    public static RequestOptions options(ParsedFlags flags, DryRun dryRun) throws KubectlException {
        return RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER).withFieldValidation(validation(flags))
                .withFieldManager(flags.string(FIELD_MANAGER));
    }
}
