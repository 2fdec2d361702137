package io.kubelab.apiserver;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The query parameters and options body of a request, as the API server reads them. Absent values are
 * the API server's defaults.
 */
public record RequestOptions(boolean dryRun, String fieldManager, FieldValidation fieldValidation,
                             Optional<String> propagationPolicy, OptionalLong gracePeriodSeconds,
                             Optional<String> preconditionUid, Optional<String> preconditionResourceVersion,
                             String labelSelector, String fieldSelector, long limit, Optional<String> continueToken,
                             String resourceVersion, boolean allowWatchBookmarks, boolean sharedObjects,
                             boolean force, String userAgent) {

    public enum FieldValidation { STRICT, WARN, IGNORE }

    /** kube-apiserver's defaults; note that a request without {@code fieldValidation} gets Warn (kubectl asks for Strict). */
    public static final RequestOptions DEFAULT = new RequestOptions(false, "", FieldValidation.WARN,
            Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), "", "", 0,
            Optional.empty(), "", false, false, false, "");

    public RequestOptions withDryRun(boolean value) {
        return new RequestOptions(value, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects, force, userAgent);
    }

    public RequestOptions withPropagationPolicy(String value) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, Optional.of(value), gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects, force, userAgent);
    }

    public RequestOptions withGracePeriod(long seconds) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, OptionalLong.of(seconds),
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects, force, userAgent);
    }

    public RequestOptions withSelectors(String labels, String fields) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labels, fields, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects, force, userAgent);
    }

    public RequestOptions withPage(long pageLimit, Optional<String> token) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, pageLimit, token,
                resourceVersion, allowWatchBookmarks, sharedObjects, force, userAgent);
    }

    public RequestOptions withResourceVersion(String value, boolean bookmarks) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                value, bookmarks, sharedObjects, force, userAgent);
    }

    public RequestOptions withPreconditions(Optional<String> uid, Optional<String> resourceVersion) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                uid, resourceVersion, labelSelector, fieldSelector, limit, continueToken,
                this.resourceVersion, allowWatchBookmarks, sharedObjects, force, userAgent);
    }

    public RequestOptions withFieldValidation(FieldValidation value) {
        return new RequestOptions(dryRun, fieldManager, value, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects, force, userAgent);
    }

    /**
     * A LIST whose items are the stored objects themselves, for a caller that reads and changes nothing
     * (kubectl's get and describe): no copy per object. The items keep their apiVersion and kind.
     */
    public RequestOptions withSharedObjects() {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, true, force, userAgent);
    }

    /** {@code ?fieldManager=}: the manager the write is recorded for (required for an apply). */
    public RequestOptions withFieldManager(String value) {
        return new RequestOptions(dryRun, value, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects, force, userAgent);
    }

    /** {@code ?force=true} on an apply: take the fields other managers own instead of failing with a conflict. */
    public RequestOptions withForce(boolean value) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects, value, userAgent);
    }

    /**
     * The request's User-Agent header, which names the manager of a write without {@code fieldManager}
     * (apiserver's {@code prefixFromUserAgent}); empty for requests made inside the sandbox.
     */
    public RequestOptions withUserAgent(String value) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects, force, value);
    }
}
