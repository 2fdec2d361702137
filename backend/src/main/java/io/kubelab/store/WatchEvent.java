package io.kubelab.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change seen by a watch. For BOOKMARK the object carries only {@code metadata.resourceVersion}.
 * For DELETED it is the last state, with the resourceVersion of the deletion.
 */
public record WatchEvent(Type type, ObjectNode object, long revision) {

    public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK }
}
