package io.kubelab.apiserver.fieldmanager;

import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;

import io.kubelab.model.FieldErrors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a write is recorded for. A request names its manager ({@code ?fieldManager=}); otherwise the API server
 * takes the start of its User-Agent ({@code kubectl/v1.32.0 (linux/amd64) ...} is {@code kubectl}), as
 * apiserver's handlers do with {@code prefixFromUserAgent}. Requests made inside the sandbox have no
 * User-Agent: the simulated components are named as their binaries' user agents name them, and the
 * terminal's kubectl as kubectl.
 */
public final class FieldManagers {

    /** apimachinery's {@code FieldManagerMaxLength}. */
    public static final int MAX_LENGTH = 128;
    static final String KUBECTL = "kubectl";
    private static final String NODE_PREFIX = "system:node:";

    private FieldManagers() {
    }

    /** The manager a write is recorded for: the request's {@code fieldManager}, else the User-Agent's, else the caller's. */
    public static String of(ApiRequest r) {
        if (!r.options().fieldManager().isEmpty()) {
            return r.options().fieldManager();
        }
        if (!r.options().userAgent().isEmpty()) {
            return prefixFromUserAgent(r.options().userAgent());
        }
        return forUser(r.user());
    }

    /**
     * apiserver's {@code prefixFromUserAgent}: what precedes the first {@code /}, without unprintable
     * characters, cut to {@link #MAX_LENGTH} bytes.
     */
    public static String prefixFromUserAgent(String userAgent) {
        int slash = userAgent.indexOf('/');
        String head = slash < 0 ? userAgent : userAgent.substring(0, slash);
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < head.length(); ) {
            int cp = head.codePointAt(i);
            i += Character.charCount(cp);
            if (!printable(cp)) {
                continue;
            }
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_LENGTH) {
                break;
            }
            bytes += size;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** The user agent name of the sandbox's own callers: each component's binary, the terminal's kubectl. */
    static String forUser(UserInfo user) {
        if (!user.isComponent()) {
            return KUBECTL;
        }
        String name = user.name();
        if (name.startsWith(NODE_PREFIX)) {
            return "kubelet";
        }
        return switch (name) {
            // kubeadm's init installs the metrics-server manifest as an admin would: kubectl apply.
            case "kubernetes-admin" -> "kubectl-client-side-apply";
            default -> name.startsWith("system:") ? name.substring("system:".length()) : name;
        };
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * apiserver's {@code ValidateCreateOptions}, {@code ValidateUpdateOptions} and {@code ValidatePatchOptions}:
     * an apply needs a manager, {@code force} is for applies only, and a manager name is at most 128 bytes of
     * printable characters. A 422 on {@code CreateOptions}, {@code UpdateOptions} or {@code PatchOptions}.
     */
    public static void checkOptions(ApiRequest r) {
        String kind = switch (r.verb()) {
            case CREATE -> "CreateOptions";
            case UPDATE -> "UpdateOptions";
            case PATCH -> "PatchOptions";
            default -> "";
        };
        if (kind.isEmpty()) {
            return;
        }
        List<Status.Cause> causes = new ArrayList<>();
        String manager = r.options().fieldManager();
        if (r.verb() == ApiRequest.Verb.PATCH) {
            if (r.patchType() != ApiRequest.PatchType.APPLY && r.options().force()) {
                causes.add(new Status.Cause("FieldValueForbidden", "Forbidden: may not be specified for non-apply patch",
                        "force"));
            } else if (r.patchType() == ApiRequest.PatchType.APPLY && manager.isEmpty()) {
                causes.add(new Status.Cause("FieldValueRequired", "Required value: is required for apply patch",
                        "fieldManager"));
            }
        }
        byte[] bytes = manager.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_LENGTH) {
            causes.add(new Status.Cause("FieldValueTooLong", "Too long: may not be more than " + MAX_LENGTH + " bytes",
                    "fieldManager"));
        }
        int position = 0;
        for (int i = 0; i < manager.length(); ) {
            int cp = manager.codePointAt(i);
            if (!printable(cp)) {
                causes.add(new Status.Cause("FieldValueInvalid", "Invalid value: " + FieldErrors.goQuote(manager)
                        + ": invalid character " + String.format("U+%04X", cp) + " (at position " + position + ")",
                        "fieldManager"));
            }
            position += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            i += Character.charCount(cp);
        }
        if (!causes.isEmpty()) {
            throw new StatusException(Status.invalid("meta.k8s.io", kind, "", causes));
        }
    }
}
