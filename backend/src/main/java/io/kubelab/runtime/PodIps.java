package io.kubelab.runtime;

import java.util.BitSet;

/**
 * The host-local IPAM of the node's CNI plugin: hands out addresses of the node's pod CIDR (a /24 in
 * kubeadm clusters with flannel or calico defaults), the lowest free one first from {@code .2} (the
 * bridge holds {@code .1}), so a freed address is reused.
 */
final class PodIps {

    private final String prefix;
    private final int first;
    private final int last;
    private final BitSet used = new BitSet();

    PodIps(String cidr) {
        String base = cidr.substring(0, cidr.indexOf('/'));
        int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        this.prefix = base.substring(0, base.lastIndexOf('.') + 1);
        this.first = 2;
        this.last = bits >= 24 ? (1 << (32 - bits)) - 2 : 254;
    }

    /** The next free address, or empty when the range is exhausted. */
    java.util.Optional<String> allocate() {
        int index = used.nextClearBit(first);
        if (index > last) {
            return java.util.Optional.empty();
        }
        used.set(index);
        return java.util.Optional.of(prefix + index);
    }

    /** Marks an address as taken (a sandbox that existed before the runtime object did). */
    void reserve(String ip) {
        if (ip.startsWith(prefix)) {
            try {
                used.set(Integer.parseInt(ip.substring(prefix.length())));
            } catch (NumberFormatException e) {
                // Not one of ours: nothing to reserve.
            }
        }
    }

    void release(String ip) {
        if (ip.startsWith(prefix)) {
            try {
                used.clear(Integer.parseInt(ip.substring(prefix.length())));
            } catch (NumberFormatException e) {
                // Not one of ours.
            }
        }
    }
}
