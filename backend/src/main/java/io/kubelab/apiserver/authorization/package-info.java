/**
 * Authorization as the Kubernetes 1.32 API server does it: the {@code system:masters} short-circuit
 * ({@link io.kubelab.apiserver.authorization.PrivilegedGroups}), then RBAC
 * ({@link io.kubelab.apiserver.authorization.RbacAuthorizer}, after {@code plugin/pkg/auth/authorizer/rbac}),
 * the Forbidden wording of a denial, the rules review behind {@code kubectl auth can-i --list}, and the
 * default policy a kubeadm cluster starts with.
 */
package io.kubelab.apiserver.authorization;
