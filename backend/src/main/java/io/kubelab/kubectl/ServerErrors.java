package io.kubelab.kubectl;

import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.FieldErrors;
import io.kubelab.model.ResourceType;

import java.util.List;

/**
 * How kubectl's {@code CheckErr} prints an error the API server returned: {@code Error from server
 * (Reason): message}, or for an invalid object {@code The Kind "name" is invalid: field: message} (one
 * cause) or the causes as a {@code * } list (several).
 */
public final class ServerErrors {

    private ServerErrors() {
    }

    public static KubectlException of(StatusException e) {
        return new KubectlException(text(e.status()), 1);
    }

    /** The text CheckErr prints, ending in a newline. */
    public static String text(Status status) {
        if (status.reason().equals("Invalid")) {
            return invalid(status);
        }
        return line(status) + "\n";
    }

    /**
     * The text of an error from listing {@code type}: the resource builder rewrites a BadRequest or NotFound
     * (a selector the server could not parse, say) to name the resource and the selectors.
     */
    public static String listText(Status status, ResourceType type, String labelSelector, String fieldSelector) {
        if (status.code() != 400 && status.code() != 404) {
            return text(status);
        }
        String resource = FieldErrors.goQuote(type.group() + "/" + type.version() + ", Resource=" + type.resource());
        String message = labelSelector.isEmpty() && fieldSelector.isEmpty()
                ? "Unable to list " + resource + ": " + status.message()
                : "Unable to find " + resource + " that match label selector " + FieldErrors.goQuote(labelSelector)
                        + ", field selector " + FieldErrors.goQuote(fieldSelector) + ": " + status.message();
        return text(new Status(status.code(), status.reason(), message, status.details(), status.continueToken()));
    }

    /** {@code Error from server (NotFound): pods "x" not found}, without a newline. */
    public static String line(Status status) {
        return status.reason().isEmpty() ? "Error from server: " + status.message()
                : "Error from server (" + status.reason() + "): " + status.message();
    }

    private static String invalid(Status status) {
        if (status.details().isEmpty()) {
            return "The request is invalid" + (status.message().isEmpty() ? "" : ": " + status.message()) + "\n";
        }
        Status.Details details = status.details().get();
        // statusCausesToAggrError drops a cause whose "field: message" was already printed.
        List<String> causes = details.causes().stream().map(ServerErrors::cause).distinct().toList();
        String prefix;
        if (!details.kind().isEmpty() || !details.name().isEmpty()) {
            prefix = "The " + details.kind() + " \"" + details.name() + "\" is invalid";
        } else if (!status.message().isEmpty() && causes.isEmpty()) {
            // An empty details (a JSON patch that did not apply) still carries the server's message.
            prefix = "The request is invalid: " + status.message();
        } else {
            prefix = "The request is invalid";
        }
        if (causes.isEmpty()) {
            return prefix + "\n";
        }
        if (causes.size() == 1) {
            return prefix + ": " + causes.get(0) + "\n";
        }
        StringBuilder out = new StringBuilder(prefix).append(": \n");
        for (String cause : causes) {
            out.append("* ").append(cause).append('\n');
        }
        return out.toString();
    }

    private static String cause(Status.Cause cause) {
        return cause.field() + ": " + cause.message();
    }
}
