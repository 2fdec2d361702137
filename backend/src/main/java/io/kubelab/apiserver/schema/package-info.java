/**
 * The typed shape of every served kind, read once per JVM from fabric8's model classes, and the
 * strict decoding check that reproduces what Kubernetes' typed JSON decoding reports for a request body:
 * Go type errors ({@code json: cannot unmarshal ...}) and unknown fields ({@code fieldValidation}).
 */
package io.kubelab.apiserver.schema;
