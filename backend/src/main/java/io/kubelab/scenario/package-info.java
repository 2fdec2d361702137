/**
 * Layer 6. Guided scenarios: format, loader, validator and live checks (DESIGN 3.6).
 */
package io.kubelab.scenario;
