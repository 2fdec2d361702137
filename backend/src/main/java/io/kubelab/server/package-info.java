/**
 * Layer 7. The Vert.x server: start-up and shutdown, Hazelcast membership, HTTP routes, the SockJS
 * event-bus bridge and the pages. Nothing below this layer knows Vert.x.
 */
package io.kubelab.server;
