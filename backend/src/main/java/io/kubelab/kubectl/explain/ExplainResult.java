package io.kubelab.kubectl.explain;

/** What {@code kubectl explain} printed and how it exited. */
public record ExplainResult(String stdout, String stderr, int exitCode) {
}
