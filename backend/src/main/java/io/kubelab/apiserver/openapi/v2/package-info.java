/**
 * The Swagger 2.0 document of the API server ({@code /openapi/v2}), which kubectl 1.27 and 1.28 still read:
 * {@code apply} takes its strategic-merge metadata ({@code x-kubernetes-patch-merge-key},
 * {@code x-kubernetes-patch-strategy}) and the kind's definition (by {@code x-kubernetes-group-version-kind})
 * from it, its field-validation check looks for {@code fieldValidation} among the PATCH operation's parameters,
 * and {@code explain --output=plaintext-openapiv2} prints it. These clients ask for gnostic's protobuf form
 * ({@code openapi.v2.Document}) and stop with a NotFound when it is missing.
 *
 * <p>{@link io.kubelab.apiserver.openapi.v2.OpenApiV2} builds it once per JVM, on first use (about a second;
 * some 0.9 MB of JSON and 0.7 MB of protobuf kept, the tree dropped), from the same group-version documents
 * {@link io.kubelab.apiserver.openapi.OpenApiV3} serves: {@code SwaggerDocument} merges them and turns them
 * back into kube-openapi's v2 shape, {@code GnosticEncoder} writes the protobuf with protobuf-java's
 * {@code CodedOutputStream} and the field numbers of gnostic's {@code OpenAPIv2.proto}, vendor extensions as
 * the YAML text gnostic keeps ({@code ExtensionYaml}).
 */
package io.kubelab.apiserver.openapi.v2;
