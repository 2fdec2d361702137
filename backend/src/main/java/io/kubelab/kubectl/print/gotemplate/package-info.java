/**
 * Go's {@code text/template} as kubectl 1.32's {@code -o go-template=} uses it ({@link
 * io.kubelab.kubectl.print.gotemplate.GoTemplate}, with kubectl's {@code exists} and {@code base64decode}), and
 * the Go printing both template languages share: {@code fmt}'s {@code %v}/{@code %#v}/{@code Printf}, JSON
 * encoding and number formats ({@link io.kubelab.kubectl.print.gotemplate.GoPrint},
 * {@link io.kubelab.kubectl.print.gotemplate.GoNumbers}).
 */
package io.kubelab.kubectl.print.gotemplate;
