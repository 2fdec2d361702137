package io.kubelab.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.FieldSelector;
import io.kubelab.model.LabelSelector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link Store} must do, run against each implementation (in memory now; the Hazelcast
 * store of the tenancy work extends this class too).
 */
abstract class StoreContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected Store store;

    protected abstract Store newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    static ObjectNode pod(String namespace, String name, Map<String, String> labels) {
        ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata").put("name", name).put("namespace", namespace);
        if (!labels.isEmpty()) {
            ObjectNode l = meta.putObject("labels");
            labels.forEach(l::put);
        }
        return pod;
    }

    static String key(String namespace, String name) {
        return Keys.namespaced("pods", namespace, name);
    }

    static long rv(ObjectNode object) {
        return Long.parseLong(object.path("metadata").path("resourceVersion").asText());
    }

    static List<String> names(ListResult result) {
        return result.items().stream().map(o -> o.path("metadata").path("name").asText()).toList();
    }

    private ObjectNode create(String namespace, String name, Map<String, String> labels) {
        return store.create(key(namespace, name), pod(namespace, name, labels));
    }

    @Test
    void createStampsTheNextRevision() {
        assertEquals(0, store.revision());
        ObjectNode a = create("default", "a", Map.of());
        ObjectNode b = create("default", "b", Map.of());
        assertEquals(1, rv(a));
        assertEquals(2, rv(b));
        assertEquals(2, store.revision());
        assertEquals("2", store.get(key("default", "b")).orElseThrow().path("metadata").path("resourceVersion").asText());
    }

    @Test
    void objectsGoInAndComeOutAsCopies() {
        ObjectNode mine = pod("default", "a", Map.of("app", "web"));
        ObjectNode returned = store.create(key("default", "a"), mine);
        mine.put("kind", "Changed");
        returned.put("kind", "Changed too");
        store.get(key("default", "a")).orElseThrow().put("kind", "Changed three");
        assertEquals("Pod", store.get(key("default", "a")).orElseThrow().path("kind").asText());
    }

    @Test
    void createOnATakenKeyFailsAndChangesNothing() {
        create("default", "a", Map.of());
        var e = assertThrows(StoreException.AlreadyExists.class, () -> create("default", "a", Map.of("x", "y")));
        assertEquals(key("default", "a"), e.key);
        assertEquals(1, store.revision());
        assertTrue(store.get(key("default", "a")).orElseThrow().path("metadata").path("labels").isMissingNode());
    }

    @Test
    void updateChecksTheResourceVersion() {
        ObjectNode a = create("default", "a", Map.of());
        create("default", "b", Map.of());
        ObjectNode changed = a.deepCopy();
        changed.with("metadata").putObject("labels").put("v", "2");
        ObjectNode updated = store.update(key("default", "a"), changed, rv(a));
        assertEquals(3, rv(updated));

        var conflict = assertThrows(StoreException.Conflict.class, () -> store.update(key("default", "a"), changed, 1));
        assertEquals(1, conflict.expected);
        assertEquals(3, conflict.actual);
        assertEquals(3, store.revision(), "a refused write leaves no trace");

        assertEquals(4, rv(store.update(key("default", "a"), changed, 0)), "0 means unconditional");
        assertThrows(StoreException.NotFound.class, () -> store.update(key("default", "zz"), changed, 0));
    }

    @Test
    void deleteReturnsTheLastStateAtTheDeletionRevision() {
        ObjectNode a = create("default", "a", Map.of("app", "web"));
        assertThrows(StoreException.Conflict.class, () -> store.delete(key("default", "a"), rv(a) + 5));
        ObjectNode gone = store.delete(key("default", "a"), rv(a));
        assertEquals(2, rv(gone));
        assertEquals("web", gone.path("metadata").path("labels").path("app").asText());
        assertTrue(store.get(key("default", "a")).isEmpty());
        assertThrows(StoreException.NotFound.class, () -> store.delete(key("default", "a"), 0));
        create("default", "a", Map.of());
        assertEquals(3, store.revision(), "a deleted name can be created again");
    }

    @Test
    void listsAreInKeyOrderAndScopedByPrefix() {
        create("default", "c", Map.of());
        create("kube-system", "a", Map.of());
        create("default", "a", Map.of());
        store.create(Keys.clusterScoped("nodes", "node01"), JSON.createObjectNode().put("kind", "Node"));
        ListResult all = store.list(Keys.prefix("pods"), ListOptions.all());
        assertEquals(List.of("a", "c", "a"), names(all));
        assertEquals(4, all.revision());
        assertEquals(List.of("a", "c"), names(store.list(Keys.prefix("pods", "default"), ListOptions.all())));
        assertEquals(List.of(), names(store.list(Keys.prefix("pods", "defaul"), ListOptions.all())));
        assertEquals(3, store.count(Keys.prefix("pods")));
        assertEquals(1, store.count(Keys.prefix("nodes")));
    }

    @Test
    void listsFilterByLabelAndFieldSelectors() {
        create("default", "web-1", Map.of("app", "web", "tier", "front"));
        create("default", "web-2", Map.of("app", "web", "tier", "back"));
        create("default", "db", Map.of("app", "db"));
        create("default", "bare", Map.of());
        create("other", "web-3", Map.of("app", "web"));
        Map<String, List<String>> cases = Map.ofEntries(
                Map.entry("app=web", List.of("web-1", "web-2", "web-3")),
                Map.entry("app==db", List.of("db")),
                Map.entry("app!=web", List.of("bare", "db")),
                Map.entry("tier in (front,side)", List.of("web-1")),
                Map.entry("tier notin (front)", List.of("bare", "db", "web-2", "web-3")),
                Map.entry("tier", List.of("web-1", "web-2")),
                Map.entry("!app", List.of("bare")),
                Map.entry("app=web,tier!=back", List.of("web-1", "web-3")));
        for (var c : cases.entrySet()) {
            var predicate = SelectionPredicate.of(LabelSelector.parse(c.getKey()), FieldSelector.everything());
            List<String> got = new ArrayList<>(names(store.list(Keys.prefix("pods"), ListOptions.matching(predicate))));
            got.sort(String::compareTo);
            assertEquals(c.getValue(), got, c.getKey());
        }
        var byNamespace = SelectionPredicate.of(LabelSelector.parse("app=web"),
                FieldSelector.parse("metadata.namespace!=default"));
        assertEquals(List.of("web-3"), names(store.list(Keys.prefix("pods"), ListOptions.matching(byNamespace))));
        var byName = SelectionPredicate.of(LabelSelector.everything(), FieldSelector.parse("metadata.name=db"));
        assertEquals(List.of("db"), names(store.list(Keys.prefix("pods"), ListOptions.matching(byName))));
    }

    @Test
    void pagesWithLimitAndContinueShowOneConsistentRevision() {
        for (int i = 0; i < 25; i++) {
            create("default", String.format("p%02d", i), Map.of());
        }
        ListResult first = store.list(Keys.prefix("pods"), ListOptions.all().withLimit(10));
        assertEquals(10, first.items().size());
        assertEquals("p00", names(first).get(0));
        assertEquals(15L, first.remainingItemCount().orElseThrow());
        assertEquals(25, first.revision());

        // Writes between pages do not show in the rest of this list.
        store.delete(key("default", "p15"), 0);
        create("default", "p12a", Map.of());
        ListResult second = store.list(Keys.prefix("pods"), ListOptions.all().withLimit(10)
                .withContinue(first.continueToken().orElseThrow()));
        assertEquals(List.of("p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17", "p18", "p19"), names(second));
        assertEquals(25, second.revision());
        assertEquals(5L, second.remainingItemCount().orElseThrow());
        ListResult third = store.list(Keys.prefix("pods"), ListOptions.all().withLimit(10)
                .withContinue(second.continueToken().orElseThrow()));
        assertEquals(List.of("p20", "p21", "p22", "p23", "p24"), names(third));
        assertTrue(third.continueToken().isEmpty());
        assertTrue(third.remainingItemCount().isEmpty());

        // A fresh list sees the writes.
        List<String> now = names(store.list(Keys.prefix("pods"), ListOptions.all()));
        assertTrue(now.contains("p12a"));
        assertFalse(now.contains("p15"));
    }

    @Test
    void limitCountsOnlyMatchingItemsAndSelectorsHideTheRemainingCount() {
        for (int i = 0; i < 6; i++) {
            create("default", "p" + i, Map.of("even", Boolean.toString(i % 2 == 0)));
        }
        var evens = SelectionPredicate.of(LabelSelector.parse("even=true"), FieldSelector.everything());
        ListResult page = store.list(Keys.prefix("pods"), ListOptions.matching(evens).withLimit(2));
        assertEquals(List.of("p0", "p2"), names(page));
        assertTrue(page.remainingItemCount().isEmpty());
        ListResult rest = store.list(Keys.prefix("pods"), ListOptions.matching(evens).withLimit(2)
                .withContinue(page.continueToken().orElseThrow()));
        assertEquals(List.of("p4"), names(rest));
    }

    @Test
    void continueTokensExpireWithCompactionAndBadOnesAreRefused() {
        for (int i = 0; i < 5; i++) {
            create("default", "p" + i, Map.of());
        }
        String token = store.list(Keys.prefix("pods"), ListOptions.all().withLimit(2)).continueToken().orElseThrow();
        create("default", "late", Map.of());
        store.compact(store.revision());
        var expired = assertThrows(StoreException.ContinueExpired.class,
                () -> store.list(Keys.prefix("pods"), ListOptions.all().withContinue(token)));
        assertTrue(expired.getMessage().startsWith("The provided continue parameter is too old"));
        // The fresh token goes on from the same place, at the latest revision.
        ListResult rest = store.list(Keys.prefix("pods"), ListOptions.all().withContinue(expired.continueToken));
        assertEquals(List.of("p2", "p3", "p4"), names(rest), "\"late\" sorts before the resume point");
        assertEquals(store.revision(), rest.revision());
        assertThrows(StoreException.InvalidContinue.class,
                () -> store.list(Keys.prefix("pods"), ListOptions.all().withContinue("not-a-token!")));
        assertThrows(StoreException.InvalidContinue.class,
                () -> store.list(Keys.prefix("pods"), ListOptions.all().withContinue("e30")));
    }

    @Test
    void listsAtAnOlderRevision() {
        create("default", "a", Map.of());
        create("default", "b", Map.of());
        store.delete(key("default", "a"), 0);
        ObjectNode b = store.get(key("default", "b")).orElseThrow();
        b.put("kind", "Changed");
        store.update(key("default", "b"), b, 0);
        ListResult atTwo = store.list(Keys.prefix("pods"), ListOptions.all().atRevision(2));
        assertEquals(List.of("a", "b"), names(atTwo));
        assertEquals("Pod", atTwo.items().get(1).path("kind").asText());
        assertEquals(2, atTwo.revision());
        assertThrows(StoreException.RevisionTooLarge.class,
                () -> store.list(Keys.prefix("pods"), ListOptions.all().atRevision(99)));
        store.compact(3);
        assertEquals("The resourceVersion for the provided list is too old.", assertThrows(StoreException.ListExpired.class,
                () -> store.list(Keys.prefix("pods"), ListOptions.all().atRevision(2))).getMessage());
    }

    private List<String> record(List<WatchEvent> events) {
        return events.stream().map(e -> e.type() + " " + e.object().path("metadata").path("name").asText("")
                + "@" + e.revision()).toList();
    }

    @Test
    void watchFromZeroStartsWithTheCurrentObjects() {
        create("default", "a", Map.of());
        create("default", "b", Map.of());
        List<WatchEvent> seen = new ArrayList<>();
        store.watch(Keys.prefix("pods", "default"), 0, SelectionPredicate.everything(), false, seen::add);
        create("default", "c", Map.of());
        create("other", "x", Map.of());
        store.delete(key("default", "a"), 0);
        assertEquals(List.of("ADDED a@1", "ADDED b@2", "ADDED c@3", "DELETED a@5"), record(seen));
        assertEquals(5, rv(seen.get(3).object()), "the deleted object carries the deletion's revision");
    }

    @Test
    void watchFromARevisionReplaysWhatCameAfter() {
        create("default", "a", Map.of());
        create("default", "b", Map.of());
        ObjectNode a = store.get(key("default", "a")).orElseThrow();
        store.update(key("default", "a"), a, 0);
        List<WatchEvent> seen = new ArrayList<>();
        store.watch(Keys.prefix("pods"), 1, SelectionPredicate.everything(), false, seen::add);
        assertEquals(List.of("ADDED b@2", "MODIFIED a@3"), record(seen));
        store.delete(key("default", "b"), 0);
        assertEquals("DELETED b@4", record(seen).get(2));
    }

    @Test
    void watchBeforeTheCompactedRevisionIsGone() {
        for (int i = 0; i < 5; i++) {
            create("default", "p" + i, Map.of());
        }
        store.compact(4);
        var gone = assertThrows(StoreException.Compacted.class,
                () -> store.watch(Keys.prefix("pods"), 2, SelectionPredicate.everything(), false, e -> { }));
        assertEquals("too old resource version: 2 (4)", gone.getMessage());
        List<WatchEvent> seen = new ArrayList<>();
        store.watch(Keys.prefix("pods"), 4, SelectionPredicate.everything(), false, seen::add);
        assertEquals(List.of("ADDED p4@5"), record(seen));
        var future = assertThrows(StoreException.RevisionTooLarge.class,
                () -> store.watch(Keys.prefix("pods"), 9, SelectionPredicate.everything(), false, e -> { }));
        assertEquals("Too large resource version: 9, current: 5", future.getMessage());
    }

    @Test
    void objectsMovingInAndOutOfTheSelectionAreAddedAndDeleted() {
        List<WatchEvent> seen = new ArrayList<>();
        store.watch(Keys.prefix("pods"), 0, SelectionPredicate.of(LabelSelector.parse("app=web"), FieldSelector.everything()),
                false, seen::add);
        ObjectNode a = create("default", "a", Map.of("app", "db"));
        a.with("metadata").with("labels").put("app", "web");
        a = store.update(key("default", "a"), a, 0);
        a.with("metadata").with("labels").put("tier", "front");
        a = store.update(key("default", "a"), a, 0);
        a.with("metadata").with("labels").put("app", "cache");
        store.update(key("default", "a"), a, 0);
        store.delete(key("default", "a"), 0);
        assertEquals(List.of("ADDED a@2", "MODIFIED a@3", "DELETED a@4"), record(seen));
        ObjectNode left = seen.get(2).object();
        assertEquals("web", left.path("metadata").path("labels").path("app").asText(), "the object as it was selected");
        assertEquals(4, rv(left), "stamped with the revision it left at");
    }

    @Test
    void bookmarksGoOnlyToWatchesThatAskForThem() {
        List<WatchEvent> withMarks = new ArrayList<>();
        List<WatchEvent> without = new ArrayList<>();
        store.watch(Keys.prefix("pods"), 0, SelectionPredicate.everything(), true, withMarks::add);
        store.watch(Keys.prefix("pods"), 0, SelectionPredicate.everything(), false, without::add);
        create("default", "a", Map.of());
        store.bookmark();
        assertEquals(List.of("ADDED a@1", "BOOKMARK @1"), record(withMarks));
        assertEquals("1", withMarks.get(1).object().path("metadata").path("resourceVersion").asText());
        assertEquals(List.of("ADDED a@1"), record(without));
    }

    @Test
    void aWatcherThatWritesSeesEventsInRevisionOrder() {
        List<String> seen = new ArrayList<>();
        store.watch(Keys.prefix("pods"), 0, SelectionPredicate.everything(), false, e -> {
            seen.add(e.type() + " " + e.object().path("metadata").path("name").asText() + "@" + e.revision());
            if (e.type() == WatchEvent.Type.ADDED && e.object().path("metadata").path("name").asText().equals("a")) {
                create("default", "reaction", Map.of());
            }
        });
        List<String> second = new ArrayList<>();
        store.watch(Keys.prefix("pods"), 0, SelectionPredicate.everything(), false,
                e -> second.add(e.object().path("metadata").path("name").asText() + "@" + e.revision()));
        create("default", "a", Map.of());
        assertEquals(List.of("ADDED a@1", "ADDED reaction@2"), seen);
        assertEquals(List.of("a@1", "reaction@2"), second);
    }

    @Test
    void aFailingWatchHandlerLosesItsWatchButNotTheWrite() {
        List<String> other = new ArrayList<>();
        store.watch(Keys.prefix("pods"), 0, SelectionPredicate.everything(), false, e -> {
            throw new IllegalStateException("handler bug");
        });
        store.watch(Keys.prefix("pods"), 0, SelectionPredicate.everything(), false,
                e -> other.add(e.object().path("metadata").path("name").asText()));
        ObjectNode a = create("default", "a", Map.of());
        assertEquals(1, rv(a), "the write succeeded and says so");
        create("default", "b", Map.of());
        assertEquals(List.of("a", "b"), other);
        assertThrows(IllegalArgumentException.class,
                () -> store.watch(Keys.prefix("pods"), -1, SelectionPredicate.everything(), false, e -> { }));
    }

    @Test
    void aStoppedWatchHearsNothingMore() {
        List<WatchEvent> seen = new ArrayList<>();
        Store.Watch watch = store.watch(Keys.prefix("pods"), 0, SelectionPredicate.everything(), false, seen::add);
        create("default", "a", Map.of());
        watch.stop();
        assertTrue(watch.stopped());
        create("default", "b", Map.of());
        assertEquals(1, seen.size());
    }

    @Test
    void aStoppedEtcdAnswersNothingAndLosesNothing() {
        create("default", "a", Map.of());
        store.setAvailable(false);
        assertThrows(StoreException.Unavailable.class, () -> store.get(key("default", "a")));
        assertThrows(StoreException.Unavailable.class, () -> create("default", "b", Map.of()));
        assertThrows(StoreException.Unavailable.class, () -> store.list(Keys.prefix("pods"), ListOptions.all()));
        store.setAvailable(true);
        assertEquals(List.of("a"), names(store.list(Keys.prefix("pods"), ListOptions.all())));
        assertEquals(1, store.revision());
    }

    @Test
    void compactionNeverReachesTheFuture() {
        create("default", "a", Map.of());
        assertThrows(StoreException.RevisionTooLarge.class, () -> store.compact(5));
        store.compact(1);
        store.compact(0);
        assertEquals(1, store.compactedRevision());
        assertEquals(List.of("a"), names(store.list(Keys.prefix("pods"), ListOptions.all())), "compaction keeps live data");
    }
}
