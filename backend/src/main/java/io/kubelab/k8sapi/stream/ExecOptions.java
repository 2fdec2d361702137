package io.kubelab.k8sapi.stream;

import io.kubelab.k8sapi.KubeRequest;

import java.util.List;

/**
 * {@code PodExecOptions} / {@code PodAttachOptions} from the query: the command (one {@code command}
 * parameter per argument), the container, and which streams the client opens. As the kubelet reads them, a
 * TTY has no separate stderr.
 */
public record ExecOptions(List<String> command, String container, boolean stdin, boolean stdout, boolean stderr,
                          boolean tty) {

    public static ExecOptions of(KubeRequest request) {
        List<String> command = request.query().getOrDefault("command", List.of());
        boolean tty = truthy(request.param("tty"));
        return new ExecOptions(List.copyOf(command), request.param("container"), truthy(request.param("stdin")),
                truthy(request.param("stdout")), truthy(request.param("stderr")) && !tty, tty);
    }

    ExecOptions withContainer(String value) {
        return new ExecOptions(command, value, stdin, stdout, stderr, tty);
    }

    boolean anyStream() {
        return stdin || stdout || stderr;
    }

    private static boolean truthy(String value) {
        return value.equals("true") || value.equals("1");
    }
}
