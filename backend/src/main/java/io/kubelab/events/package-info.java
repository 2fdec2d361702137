/**
 * Layer 1. Component events (DESIGN 3.5): the sink every component reports its work to, in order per sandbox.
 */
package io.kubelab.events;
