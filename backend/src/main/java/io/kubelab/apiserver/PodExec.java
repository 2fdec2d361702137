package io.kubelab.apiserver;

import java.util.List;
import java.util.Optional;

/**
 * How the API server reaches a node's kubelet for {@code pods/exec}, as the cluster's wiring provides it:
 * the API server never calls a component itself.
 */
public interface PodExec {

    /** What a command printed and how it ended. */
    record Result(String stdout, String stderr, int exitCode) {
    }

    /**
     * Runs {@code argv} in a running container of pod {@code podUid} on {@code node}, with {@code stdin} as
     * its whole standard input; empty when the node's kubelet cannot be reached.
     */
    Optional<Result> exec(String node, String podUid, String container, List<String> argv, String stdin);

    /** The kubelet answered, but the container is not running there (any more). */
    Result NOT_RUNNING = new Result("", "", -1);

    PodExec NONE = (node, podUid, container, argv, stdin) -> Optional.empty();
}
