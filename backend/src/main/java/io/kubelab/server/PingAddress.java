package io.kubelab.server;

/**
 * Every member answers requests on this event-bus address with its member id: how operators and tests
 * check that the clustered event bus reaches across members.
 */
public final class PingAddress {

    public static final String ADDRESS = "kubelab.members.ping";

    private PingAddress() {
    }
}
