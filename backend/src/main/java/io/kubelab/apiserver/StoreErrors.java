package io.kubelab.apiserver;

import io.kubelab.store.StoreException;

/** What each storage failure looks like to a client, as Kubernetes' registry translates etcd's. */
public final class StoreErrors {

    private StoreErrors() {
    }

    public static StatusException toStatus(StoreException e, GroupResource resource, String name) {
        return new StatusException(status(e, resource, name));
    }

    private static Status status(StoreException e, GroupResource resource, String name) {
        if (e instanceof StoreException.NotFound) {
            return Status.notFound(resource, name);
        } else if (e instanceof StoreException.AlreadyExists) {
            return Status.alreadyExists(resource, name);
        } else if (e instanceof StoreException.Conflict) {
            return Status.conflict(resource, name);
        } else if (e instanceof StoreException.ContinueExpired expired) {
            return Status.expired(e.getMessage(), expired.continueToken);
        } else if (e instanceof StoreException.Compacted || e instanceof StoreException.ListExpired) {
            return Status.expired(e.getMessage(), "");
        } else if (e instanceof StoreException.InvalidContinue) {
            return Status.badRequest(e.getMessage());
        } else if (e instanceof StoreException.NoQuorum) {
            // etcd's own error reaches kube-apiserver's ErrorToAPIStatus unconverted: 500, reason unknown.
            return new Status(500, "", e.getMessage(), java.util.Optional.empty());
        } else if (e instanceof StoreException.RevisionTooLarge) {
            return Status.timeout(e.getMessage(), 1);
        }
        return Status.serviceUnavailable(e.getMessage());
    }
}
