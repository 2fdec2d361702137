package io.kubelab.apiserver.fieldmanager;

import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;

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

    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return cp == ' ' || !(Character.isISOControl(cp) || Character.isWhitespace(cp) || type == Character.FORMAT
                || type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.PRIVATE_USE);
    }

    /** apiserver's {@code ValidatePatchOptions} for an apply: a manager is required. */
    public static void checkApply(ApiRequest r) {
        if (r.options().fieldManager().isEmpty()) {
            throw new StatusException(Status.invalid("meta.k8s.io", "PatchOptions", "", List.of(
                    new Status.Cause("FieldValueRequired", "Required value: is required for apply patch",
                            "fieldManager"))));
        }
        if (r.options().fieldManager().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new StatusException(Status.invalid("meta.k8s.io", "PatchOptions", "", List.of(
                    new Status.Cause("FieldValueTooLong", "Too long: may not be more than " + MAX_LENGTH + " bytes",
                            "fieldManager"))));
        }
    }
}
