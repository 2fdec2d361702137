package io.kubelab.scheduler;

import io.kubelab.scheduler.framework.Framework;
import io.kubelab.scheduler.plugins.BalancedAllocation;
import io.kubelab.scheduler.plugins.ImageLocality;
import io.kubelab.scheduler.plugins.InterPodAffinity;
import io.kubelab.scheduler.plugins.NodeAffinity;
import io.kubelab.scheduler.plugins.NodeName;
import io.kubelab.scheduler.plugins.NodePorts;
import io.kubelab.scheduler.plugins.NodeResourcesFit;
import io.kubelab.scheduler.plugins.NodeUnschedulable;
import io.kubelab.scheduler.plugins.PodTopologySpread;
import io.kubelab.scheduler.plugins.TaintToleration;
import io.kubelab.scheduler.plugins.VolumeBinding;

import java.util.List;

/**
 * The {@code default-scheduler} profile: 1.32's default plugins in {@code getDefaultPlugins} order (the
 * order filters run in, so the order a node's failure reason is found in), with their score weights
 * (TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, the rest 1).
 */
final class DefaultProfile {

    private DefaultProfile() {
    }

    static Framework create() {
        return new Framework(List.of(new NodeUnschedulable(), new NodeName(), new TaintToleration(), new NodeAffinity(),
                new NodePorts(), new NodeResourcesFit(), new VolumeBinding(), new PodTopologySpread(),
                new InterPodAffinity(), new BalancedAllocation(), new ImageLocality()));
    }
}
