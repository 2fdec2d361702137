package io.kubelab.dns;

import java.util.List;

/**
 * What CoreDNS answers for one query, after the pod's search path.
 *
 * @param name      the fully qualified name that answered (or the last one tried when none did)
 * @param cname     the canonical name an ExternalName service points to, or empty
 * @param addresses A records, empty for NXDOMAIN or a bare CNAME
 */
public record DnsAnswer(String name, String cname, List<String> addresses) {

    public boolean found() {
        return !addresses.isEmpty() || !cname.isEmpty();
    }
}
