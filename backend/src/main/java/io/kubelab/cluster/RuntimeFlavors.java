package io.kubelab.cluster;

import io.kubelab.runtime.RuntimeFlavor;

/** Which runtime implementation a sandbox option names. */
final class RuntimeFlavors {

    private RuntimeFlavors() {
    }

    static RuntimeFlavor of(ClusterSpec.Runtime runtime) {
        return runtime == ClusterSpec.Runtime.CRIO ? RuntimeFlavor.CRIO : RuntimeFlavor.CONTAINERD;
    }
}
