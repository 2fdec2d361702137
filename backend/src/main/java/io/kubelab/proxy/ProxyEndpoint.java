package io.kubelab.proxy;

/**
 * One endpoint of a service port, from an EndpointSlice: {@code ip:port} and its conditions.
 *
 * @param local whether it runs on the node this kube-proxy serves
 */
public record ProxyEndpoint(String ip, int port, boolean ready, boolean serving, boolean terminating,
                            String nodeName, boolean local) {

    /** {@code ip:port}, how kube-proxy names and sorts endpoints. */
    @Override
    public String toString() {
        return ip + ":" + port;
    }

    boolean usableWhenNoneReady() {
        return serving && terminating;
    }
}
