package io.kubelab.apiserver;

/** A request that ends in a Kubernetes {@link Status}; every client prints it its own way. */
public final class StatusException extends RuntimeException {

    private final Status status;

    public StatusException(Status status) {
        super(status.message(), null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
