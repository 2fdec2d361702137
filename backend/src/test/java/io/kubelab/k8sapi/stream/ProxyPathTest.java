package io.kubelab.k8sapi.stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The path a proxied request carries on: what follows the proxy subresource, found by position, not by text. */
class ProxyPathTest {

    private static String rest(String path) {
        int end = ProxyRequests.subresourceEnd(path);
        return end < 0 ? null : path.substring(end);
    }

    @Test
    void theProxySegmentIsTheOneAfterTheName() {
        assertEquals("/healthz", rest("/api/v1/namespaces/default/pods/web/proxy/healthz"));
        assertEquals("/healthz", rest("/api/v1/namespaces/default/pods/proxy-demo/proxy/healthz"));
        assertEquals("/a/proxy/b", rest("/api/v1/namespaces/proxy/services/web:http/proxy/a/proxy/b"));
        assertEquals("", rest("/api/v1/namespaces/default/services/web/proxy"));
        assertEquals("/", rest("/api/v1/namespaces/default/services/web/proxy/"));
        assertEquals("/pods", rest("/api/v1/nodes/node01/proxy/pods"));
        assertEquals(null, rest("/api/v1/namespaces/default/pods/web/log"));
    }
}
