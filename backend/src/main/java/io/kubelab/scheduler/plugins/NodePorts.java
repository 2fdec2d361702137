package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Status;

import java.util.ArrayList;
import java.util.List;

/** {@code nodeports}: a host port (protocol, IP, port) can be taken by one pod per node. */
public final class NodePorts implements Plugin {

    public static final String NAME = "NodePorts";
    public static final String ERR_REASON = "node(s) didn't have free ports for the requested pod ports";
    private static final String ANY_IP = "0.0.0.0";

    record HostPort(String protocol, String ip, int port) {
        /** Two host ports clash when port and protocol match and either listens on every address. */
        boolean conflicts(HostPort other) {
            return port == other.port && protocol.equals(other.protocol)
                    && (ip.equals(ANY_IP) || other.ip.equals(ANY_IP) || ip.equals(other.ip));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    static List<HostPort> hostPorts(JsonNode pod) {
        List<HostPort> ports = new ArrayList<>();
        for (JsonNode container : pod.path("spec").path("containers")) {
            for (JsonNode port : container.path("ports")) {
                int hostPort = port.path("hostPort").asInt(0);
                if (hostPort > 0) {
                    String ip = port.path("hostIP").asText("");
                    ports.add(new HostPort(port.path("protocol").asText("TCP"), ip.isEmpty() ? ANY_IP : ip, hostPort));
                }
            }
        }
        return ports;
    }

    @Override
    public Status preFilter(CycleState state) {
        return hostPorts(state.pod()).isEmpty() ? Status.SKIP : Status.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        List<HostPort> wanted = hostPorts(state.pod());
        for (JsonNode existing : node.pods()) {
            for (HostPort used : hostPorts(existing)) {
                if (wanted.stream().anyMatch(used::conflicts)) {
                    return Status.unschedulable(ERR_REASON);
                }
            }
        }
        return Status.SUCCESS;
    }
}
