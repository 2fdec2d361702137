package io.kubelab.apiserver.authorization;

/** One link of the API server's authorizer chain ({@code authorizer.Authorizer}). */
@FunctionalInterface
public interface Authorizer {

    Decision authorize(Attributes request);
}
