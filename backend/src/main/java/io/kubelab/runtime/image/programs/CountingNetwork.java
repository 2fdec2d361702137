package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.Network;

import java.util.List;

/** A container's network with the connections a shell makes counted, so the shell can be paced by them. */
final class CountingNetwork implements Network {

    private final Network network;
    private long calls;

    CountingNetwork(Network network) {
        this.network = network;
    }

    long calls() {
        return calls;
    }

    @Override
    public List<String> resolve(String name) {
        return network.resolve(name);
    }

    @Override
    public HttpExchange send(String address, int port, HttpRequest request) {
        calls++;
        return network.send(address, port, request);
    }

    @Override
    public boolean connects(String address, int port) {
        calls++;
        return network.connects(address, port);
    }
}
