/** kubectl cordon, uncordon and drain (kubectl/pkg/cmd/drain and pkg/drain): nodes made unschedulable and emptied through evictions. */
package io.kubelab.kubectl.drain;
