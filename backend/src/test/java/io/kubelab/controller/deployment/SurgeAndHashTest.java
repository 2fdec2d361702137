package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.kubelab.controller.replicaset.Sandbox.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurgeAndHashTest {

    static ObjectNode deployment(int replicas, String surge, String unavailable) {
        return json("{'spec':{'replicas':" + replicas + ",'strategy':{'type':'RollingUpdate','rollingUpdate':{"
                + "'maxSurge':" + intOrString(surge) + ",'maxUnavailable':" + intOrString(unavailable) + "}}}}");
    }

    static String intOrString(String value) {
        return value.endsWith("%") ? "'" + value + "'" : value;
    }

    @ParameterizedTest(name = "{0} replicas, maxSurge {1}, maxUnavailable {2} -> {3}, {4}")
    @CsvSource(delimiter = '|', value = {
            // percentages: surge rounds up, unavailable rounds down
            "3  | '25%' | '25%' | 1 | 0",
            "10 | '25%' | '25%' | 3 | 2",
            "4  | '25%' | '25%' | 1 | 1",
            "1  | '25%' | '25%' | 1 | 0",
            "3  | 1     | 0     | 1 | 0",
            // both zero: one may be unavailable
            "3  | 0     | 0     | 0 | 1",
            "3  | '0%'  | '10%' | 0 | 1",
            // unavailable never above the replicas
            "2  | 0     | 5     | 0 | 2",
            "5  | '50%' | '50%' | 3 | 2",
    })
    void fencepostsRoundAsKubernetesDoes(int replicas, String surge, String unavailable, int maxSurge, int maxUnavailable) {
        ObjectNode d = deployment(replicas, surge, unavailable);
        assertEquals(maxSurge, Surge.maxSurge(d));
        assertEquals(maxUnavailable, Surge.maxUnavailable(d));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0123456789, 456789bcdf",
            // CoreDNS's kubeadm pod-template-hash is the encoding of 2248269567.
            "2248269567, 668d6bf9bc",
    })
    void safeEncodeUsesKubernetesAlphabet(String digits, String encoded) {
        assertEquals(encoded, PodTemplateHash.safeEncode(digits));
    }

    @Test
    void theHashIsDeterministicIgnoresKeyOrderAndMovesWithTheCollisionCount() {
        ObjectNode a = json("{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'n','image':'nginx'}]}}");
        ObjectNode b = json("{'spec':{'containers':[{'image':'nginx','name':'n'}]},'metadata':{'labels':{'app':'web'}}}");
        String hash = PodTemplateHash.compute(a, null);
        assertEquals(hash, PodTemplateHash.compute(b, null));
        assertTrue(hash.matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}"), hash);
        assertNotEquals(hash, PodTemplateHash.compute(a, 1));
        assertNotEquals(PodTemplateHash.compute(a, 1), PodTemplateHash.compute(a, 2));
        assertNotEquals(hash, PodTemplateHash.compute(json("{'metadata':{'labels':{'app':'web'}},"
                + "'spec':{'containers':[{'name':'n','image':'nginx:1.27'}]}}"), null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // scale 4 -> 7 allowed while old has 3 and new 1 (max-replicas 4): old gets round(3*7/4)-3 = 2
            "old grows | 3 | 6 | 4 | 3 | 0 | 2",
            "new takes what is left | 1 | 6 | 4 | 3 | 2 | 1",
            "scale down to zero takes the whole set | 3 | 0 | 4 | -3 | 0 | -3",
            "scale down in proportion | 4 | 2 | 6 | -4 | 0 | -2",
    })
    void proportionsFollowTheMaxReplicasAnnotation(String name, int rsReplicas, int replicas, int maxBefore, int toAdd,
                                                   int added, int expected) {
        ObjectNode d = deployment(replicas, "1", "0");
        ObjectNode rs = json("{'metadata':{'annotations':{'deployment.kubernetes.io/max-replicas':'" + maxBefore
                + "'}},'spec':{'replicas':" + rsReplicas + "}}");
        assertEquals(expected, ReplicaSets.proportion(rs, d, toAdd, added));
    }
}
