package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.Tolerations;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Status;

/**
 * {@code nodeunschedulable}: a cordoned node ({@code spec.unschedulable}) takes only pods that tolerate
 * the {@value #TAINT_KEY} NoSchedule taint, as DaemonSet pods do.
 */
public final class NodeUnschedulable implements Plugin {

    public static final String NAME = "NodeUnschedulable";
    public static final String ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
    public static final String TAINT_KEY = "node.kubernetes.io/unschedulable";
    private static final ObjectNode TAINT = JsonNodeFactory.instance.objectNode()
            .put("key", TAINT_KEY).put("effect", "NoSchedule");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        if (!node.spec().path("unschedulable").asBoolean(false)) {
            return Status.SUCCESS;
        }
        return Tolerations.tolerated(state.pod().path("spec").path("tolerations"), TAINT)
                ? Status.SUCCESS : Status.unresolvable(ERR_REASON_UNSCHEDULABLE);
    }
}
