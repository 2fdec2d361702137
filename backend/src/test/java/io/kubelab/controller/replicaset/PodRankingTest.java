package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static io.kubelab.controller.replicaset.Sandbox.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PodRankingTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** {@code node,phase,ready,readySince,created,restarts,cost}; empty node means unscheduled. */
    static ObjectNode pod(String name, String spec) {
        String[] f = spec.split(",", -1);
        return json("{'metadata':{'name':'" + name + "','uid':'" + name + "','creationTimestamp':'" + f[4] + "'"
                + (f[6].isEmpty() ? "" : ",'annotations':{'controller.kubernetes.io/pod-deletion-cost':'" + f[6] + "'}")
                + "},'spec':{" + (f[0].isEmpty() ? "" : "'nodeName':'" + f[0] + "'") + "},'status':{'phase':'" + f[1]
                + "','conditions':[{'type':'Ready','status':'" + f[2] + "','lastTransitionTime':'" + f[3] + "'}],"
                + "'containerStatuses':[{'restartCount':" + f[5] + "}]}}");
    }

    static final String OLD = "2026-11-25T10:00:00Z";
    static final String NEWER = "2026-11-25T11:59:00Z";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unscheduled before scheduled | ,Pending,False,,"      + OLD + ",0, | node02,Pending,False,," + OLD + ",0,",
            "pending before running       | node02,Pending,False,," + OLD + ",0, | node02,Running,False,," + OLD + ",0,",
            "not ready before ready       | node02,Running,False,," + OLD + ",0, | node02,Running,True," + OLD + "," + OLD + ",0,",
            "lower deletion cost first    | node02,Running,True," + OLD + "," + OLD + ",0,-5 | node02,Running,True," + OLD + "," + OLD + ",0,",
            "doubled up on a node first   | node01,Running,True," + OLD + "," + OLD + ",0, | node02,Running,True," + OLD + "," + OLD + ",0,",
            "ready more recently first    | node02,Running,True," + NEWER + "," + OLD + ",0, | node02,Running,True," + OLD + "," + OLD + ",0,",
            "more restarts first          | node02,Running,True," + OLD + "," + OLD + ",4, | node02,Running,True," + OLD + "," + OLD + ",0,",
            "newer first                  | node02,Running,False,," + NEWER + ",0, | node02,Running,False,," + OLD + ",0,",
    })
    void theFirstIsDeletedFirst(String rule, String first, String second) {
        ObjectNode a = pod("b-first", first);
        ObjectNode b = pod("a-second", second);
        // node01 holds one more related pod than node02.
        List<JsonNode> related = List.of(a, b, pod("other", "node01,Running,True," + OLD + "," + OLD + ",0,"));
        assertEquals(List.of("b-first"), PodRanking.toDelete(List.of(b, a), related, 1, NOW).stream()
                .map(ObjectMeta::name).toList(), rule);
        assertEquals(List.of("b-first"), PodRanking.toDelete(List.of(a, b), related, 1, NOW).stream()
                .map(ObjectMeta::name).toList(), rule);
    }
}
