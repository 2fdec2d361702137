package io.kubelab.kubectl.portforward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.resource.PodPicker;
import io.kubelab.kubectl.resource.ResourceArgs;
import io.kubelab.model.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl port-forward}: resolves the pod and its ports as kubectl does (a Service's port to the
 * pod's target port, named ports) and prints kubectl's {@code Forwarding from} lines. The sandbox has no
 * local sockets to listen on, so the command ends there, as if interrupted.
 */
public final class PortForwardCommand extends Command {

    private static final int MAX_PORT = 65535;

    @Override
    public String name() {
        return "port-forward";
    }

    @Override
    public String summary() {
        return "Forward one or more local ports to a pod";
    }

    @Override
    public String description() {
        return "Forward one or more local ports to a pod.\n\n Use resource type/name such as deployment/mydeployment to "
                + "select a pod. Resource type defaults to 'pod' if omitted.\n\n If there are multiple pods matching the "
                + "criteria, a pod will be selected automatically. The forwarding session ends when the selected pod "
                + "terminates, and a rerun of the command is needed to resume forwarding.";
    }

    @Override
    public String usage() {
        return "kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]";
    }

    @Override
    public String examples() {
        return """
                  # Listen on port 8888 locally, forwarding to 5000 in the pod
                  kubectl port-forward pod/mypod 8888:5000

                  # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https"
                  kubectl port-forward service/myservice 8443:https""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(new Flag("address", "", Flag.Type.STRING_SLICE, "[localhost]", "Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind."))
                .add(Flag.duration("pod-running-timeout", "", "1m0s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> args = flags.args();
        if (args.size() < 2) {
            throw KubectlException.usageHelp(ctx.commandPath(), "TYPE/NAME and list of ports are required for port-forward");
        }
        String target = args.get(0).contains("/") ? args.get(0) : "pod/" + args.get(0);
        ObjectNode service = null;
        ResourceType type = ResourceArgs.type(target.substring(0, target.indexOf('/'))).get(0);
        if (type.kind().equals("Service")) {
            try {
                service = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, type, ctx.namespace(),
                        target.substring(target.indexOf('/') + 1))).body();
            } catch (StatusException e) {
                throw ServerErrors.of(e);
            }
        }
        ObjectNode pod = PodPicker.pods(ctx, target, "", false).get(0);
        String phase = pod.path("status").path("phase").asText();
        if (!phase.equals("Running")) {
            throw KubectlException.error("unable to forward port because pod is not running. Current status=" + phase);
        }
        List<String> addresses = flags.strings("address").isEmpty() ? List.of("localhost") : flags.strings("address");
        List<String> lines = new ArrayList<>();
        for (String spec : args.subList(1, args.size())) {
            String local = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
            String remote = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : spec;
            long remotePort = remotePort(service, pod, remote);
            String localPort = local.isEmpty() ? Long.toString(remotePort) : local;
            checkPort("local", localPort);
            checkPort("remote", Long.toString(remotePort));
            if (remotePort == 0) {
                throw KubectlException.error("remote port must be > 0");
            }
            for (String address : addresses) {
                if (address.equals("localhost")) {
                    lines.add("Forwarding from 127.0.0.1:" + localPort + " -> " + remotePort);
                    lines.add("Forwarding from [::1]:" + localPort + " -> " + remotePort);
                } else {
                    lines.add("Forwarding from " + address + ":" + localPort + " -> " + remotePort);
                }
            }
        }
        lines.forEach(l -> ctx.out().append(l).append('\n'));
    }

    /** client-go's port parsing: {@code strconv.ParseUint(port, 10, 16)}. */
    private static void checkPort(String which, String port) throws KubectlException {
        String why = port.isEmpty() ? "invalid syntax" : "";
        long value = 0;
        for (int i = 0; i < port.length() && why.isEmpty(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                why = "invalid syntax";
            } else {
                value = Math.min(value * 10 + (c - '0'), MAX_PORT + 1);
            }
        }
        if (why.isEmpty() && value > MAX_PORT) {
            why = "value out of range";
        }
        if (!why.isEmpty()) {
            throw KubectlException.error("error parsing " + which + " port '" + port + "': strconv.ParseUint: parsing \""
                    + port + "\": " + why);
        }
    }

    /** A remote port by number or name: a Service's port becomes the pod's target port; a name, a container port. */
    private static long remotePort(ObjectNode service, ObjectNode pod, String remote) throws KubectlException {
        JsonNode targetPort = null;
        if (service != null) {
            for (JsonNode port : service.path("spec").path("ports")) {
                if (port.path("name").asText().equals(remote) || port.path("port").asText().equals(remote)) {
                    targetPort = port.path("targetPort").isMissingNode() ? port.path("port") : port.path("targetPort");
                }
            }
            if (targetPort == null) {
                throw KubectlException.error("Service " + service.path("metadata").path("name").asText()
                        + " does not have a service port " + remote);
            }
            remote = targetPort.asText();
        }
        // kubectl's strconv.Atoi: a number that does not fit an int64 is looked up as a port name.
        if (!remote.isEmpty() && remote.length() <= 18 && remote.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(remote);
        }
        for (JsonNode container : pod.path("spec").path("containers")) {
            for (JsonNode port : container.path("ports")) {
                if (port.path("name").asText().equals(remote)) {
                    return port.path("containerPort").asInt();
                }
            }
        }
        throw KubectlException.error("Pod '" + pod.path("metadata").path("name").asText()
                + "' does not have a named port '" + remote + "'");
    }
}
