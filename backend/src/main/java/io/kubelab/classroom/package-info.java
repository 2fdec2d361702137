/**
 * Layer 6. Shared training sessions: instructors, classes, seats (DESIGN 3.7).
 */
package io.kubelab.classroom;
