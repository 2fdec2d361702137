package io.kubelab.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryStoreTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new MemoryStore();
    }

    @Test
    void oldHistoryIsCompactedAwayOnItsOwn() {
        MemoryStore store = new MemoryStore(3);
        for (int i = 0; i < 10; i++) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            object.putObject("metadata").put("name", "cm" + i).put("namespace", "default");
            store.create(Keys.namespaced("configmaps", "default", "cm" + i), object);
        }
        assertTrue(store.compactedRevision() >= 4 && store.compactedRevision() <= 7, "compacted to "
                + store.compactedRevision());
        assertThrows(StoreException.Compacted.class, () -> store.watch(Keys.ROOT, 1, SelectionPredicate.everything(),
                false, e -> { }));
        List<WatchEvent> replay = new ArrayList<>();
        store.watch(Keys.ROOT, 7, SelectionPredicate.everything(), false, replay::add);
        assertEquals(3, replay.size());
        assertEquals(10, store.count(Keys.ROOT));
    }
}
