package io.kubelab.scheduler.plugins;

import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Status;

/** {@code nodename}: a pod that names its node fits only there. */
public final class NodeName implements Plugin {

    public static final String NAME = "NodeName";
    public static final String ERR_REASON = "node(s) didn't match the requested node name";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        String wanted = state.pod().path("spec").path("nodeName").asText("");
        return wanted.isEmpty() || wanted.equals(node.name()) ? Status.SUCCESS : Status.unresolvable(ERR_REASON);
    }
}
