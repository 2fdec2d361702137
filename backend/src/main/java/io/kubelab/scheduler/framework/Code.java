package io.kubelab.scheduler.framework;

/** The framework's status codes that matter here ({@code framework.Code}). */
public enum Code {
    SUCCESS,
    /** The pod does not fit now, but preempting pods on the node might help. */
    UNSCHEDULABLE,
    /** The pod does not fit and preemption on this node would not change that. */
    UNSCHEDULABLE_AND_UNRESOLVABLE,
    /** The plugin has nothing to say about this pod (its PreFilter found nothing to check). */
    SKIP
}
