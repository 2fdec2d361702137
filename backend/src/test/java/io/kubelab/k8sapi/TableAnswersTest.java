package io.kubelab.k8sapi;

import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class TableAnswersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.250Z");
    private static final KubeResponse TABLE = new KubeResponse(200, "application/json", List.of(), new byte[] {'{', '}'});

    private static KubeRequest get(String path, String query, String accept) {
        return new KubeRequest("GET", path, query.isEmpty() ? Map.of() : Map.of("labelSelector", List.of(query)),
                Map.of("accept", accept), new byte[0]);
    }

    private static String podsKey(String query, String accept) {
        return TableAnswers.key(get("/api/v1/namespaces/default/pods", query, accept), ResourceTypes.of("v1", "Pod"));
    }

    @Test
    void anAnswerIsReusedForTheSameRequestRevisionAndSecondOnly() {
        String table = "application/json;as=Table;v=v1;g=meta.k8s.io";
        TableAnswers answers = new TableAnswers();
        answers.keep(podsKey("", table), "42", NOW, TABLE);
        record Case(String what, String key, String revision, Instant now, boolean reused) {
        }
        for (Case c : List.of(
                new Case("same request, revision and second", podsKey("", table), "42", NOW.plusMillis(700), true),
                new Case("the next second", podsKey("", table), "42", NOW.plusMillis(750), false),
                new Case("another revision", podsKey("", table), "43", NOW, false),
                new Case("another selector", podsKey("app=web", table), "42", NOW, false),
                new Case("another form", podsKey("", "application/json;as=Table;v=v1beta1;g=meta.k8s.io"), "42", NOW,
                        false))) {
            KubeResponse found = answers.find(c.key, c.revision, c.now);
            if (c.reused) {
                assertSame(TABLE, found, c.what);
            } else {
                assertNull(found, c.what);
            }
        }
    }

    @Test
    void eventsMetricsErrorsAndLargeAnswersAreNeverKept() {
        String table = "application/json;as=Table;v=v1;g=meta.k8s.io";
        assertNull(TableAnswers.key(get("/api/v1/namespaces/default/events", "", table), ResourceTypes.of("v1", "Event")));
        assertNull(TableAnswers.key(get("/apis/events.k8s.io/v1/events", "", table),
                ResourceTypes.of("events.k8s.io/v1", "Event")));
        assertNull(TableAnswers.key(get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods", "", table),
                ResourceTypes.of("metrics.k8s.io/v1beta1", "PodMetrics")));
        TableAnswers answers = new TableAnswers();
        String key = podsKey("", table);
        answers.keep(key, "1", NOW, new KubeResponse(500, "application/json", List.of(), new byte[2]));
        assertNull(answers.find(key, "1", NOW), "an error");
        answers.keep(key, "2", NOW, new KubeResponse(200, "application/json", List.of(),
                new byte[TableAnswers.MAX_BYTES + 1]));
        assertNull(answers.find(key, "2", NOW), "larger than the limit");
    }
}
