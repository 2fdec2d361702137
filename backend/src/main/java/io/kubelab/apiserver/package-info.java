/**
 * Layer 2. The API server pipeline (authentication, authorization, admission, validation, registry) and its Table printers.
 */
package io.kubelab.apiserver;
