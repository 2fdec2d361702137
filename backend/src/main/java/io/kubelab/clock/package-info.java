/**
 * Layer 1. The per-sandbox simulated clock (realtime times a speed, instant, manual) and timed work on it.
 */
package io.kubelab.clock;
