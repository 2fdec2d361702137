package io.kubelab.apiserver;

import java.util.List;

/**
 * Thrown by code that finds a field invalid but does not know the object's name or kind (allocators,
 * admission); the API server turns it into the {@code Invalid} Status of the object being written.
 */
public final class InvalidObject extends RuntimeException {

    private final List<Status.Cause> causes;

    public InvalidObject(List<Status.Cause> causes) {
        super(causes.toString(), null, false, false);
        this.causes = List.copyOf(causes);
    }

    public List<Status.Cause> causes() {
        return causes;
    }
}
