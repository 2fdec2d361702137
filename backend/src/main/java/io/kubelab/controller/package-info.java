/**
 * Layer 3. kube-controller-manager: one sub-package per controller, each level-triggered from the store.
 */
package io.kubelab.controller;
