package io.kubelab.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * A page of a list: its items in key order, the revision it reflects (the list's resourceVersion),
 * and, when more remain, the token for the next page and how many items remain.
 */
public record ListResult(List<ObjectNode> items, long revision, Optional<String> continueToken,
                         Optional<Long> remainingItemCount) {
}
