/**
 * The OpenAPI v3 documents of the API server ({@code /openapi/v3} and one per group-version): paths with
 * Kubernetes' operations and parameters, and the schemas of every served kind with the upstream 1.32
 * descriptions that {@code io.kubernetes:client-java-api} carries in its model classes' annotations.
 * Built once per JVM, shared by every sandbox; read by kubectl's {@code explain} and {@code apply}.
 */
package io.kubelab.apiserver.openapi;
