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
                             String resourceVersion, boolean allowWatchBookmarks, boolean sharedObjects) {

    public enum FieldValidation { STRICT, WARN, IGNORE }

    /** kube-apiserver's defaults; note that a request without {@code fieldValidation} gets Warn (kubectl asks for Strict). */
    public static final RequestOptions DEFAULT = new RequestOptions(false, "", FieldValidation.WARN,
            Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), "", "", 0,
            Optional.empty(), "", false, false);

    public RequestOptions withDryRun(boolean value) {
        return new RequestOptions(value, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects);
    }

    public RequestOptions withPropagationPolicy(String value) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, Optional.of(value), gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects);
    }

    public RequestOptions withGracePeriod(long seconds) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, OptionalLong.of(seconds),
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects);
    }

    public RequestOptions withSelectors(String labels, String fields) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labels, fields, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects);
    }

    public RequestOptions withPage(long pageLimit, Optional<String> token) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, pageLimit, token,
                resourceVersion, allowWatchBookmarks, sharedObjects);
    }

    public RequestOptions withResourceVersion(String value, boolean bookmarks) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                value, bookmarks, sharedObjects);
    }

    public RequestOptions withPreconditions(Optional<String> uid, Optional<String> resourceVersion) {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                uid, resourceVersion, labelSelector, fieldSelector, limit, continueToken,
                this.resourceVersion, allowWatchBookmarks, sharedObjects);
    }

    public RequestOptions withFieldValidation(FieldValidation value) {
        return new RequestOptions(dryRun, fieldManager, value, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects);
    }

    public RequestOptions withFieldManager(String value) {
        return new RequestOptions(dryRun, value, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, sharedObjects);
    }

    /**
     * A LIST whose items are the stored objects themselves, for a caller that reads and changes nothing
     * (kubectl's get and describe): no copy per object. The items keep their apiVersion and kind.
     */
    public RequestOptions withSharedObjects() {
        return new RequestOptions(dryRun, fieldManager, fieldValidation, propagationPolicy, gracePeriodSeconds,
                preconditionUid, preconditionResourceVersion, labelSelector, fieldSelector, limit, continueToken,
                resourceVersion, allowWatchBookmarks, true);
    }
}
