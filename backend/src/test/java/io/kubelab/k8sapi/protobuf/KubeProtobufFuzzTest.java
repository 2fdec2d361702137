package io.kubelab.k8sapi.protobuf;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the bytes, decode returns an object or throws ProtobufBodyException, quickly: every truncation of
 * captured bodies, random bit flips in them, and random bytes after the prefix (seeded, so a failure repeats).
 */
class KubeProtobufFuzzTest {

    private static final List<String> CASES = List.of("deploy-command", "cronjob-basic", "secret-tls", "ingress-default",
            "quota", "svc-nodeport", "cani-deploy-ns", "token-bound");

    @Test
    void everyTruncationIsAnObjectOrARefusal() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int refused = 0;
            for (String name : CASES) {
                byte[] body = KubeProtobufTest.captured(name);
                for (int n = 0; n < body.length; n++) {
                    refused += outcome(Arrays.copyOf(body, n));
                }
            }
            assertTrue(refused > 1000, "refused: " + refused);
        });
    }

    @Test
    void flippedBitsAndRandomBytesAreObjectsOrRefusals() {
        Random random = new Random(6);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int decoded = 0;
            int refused = 0;
            for (int i = 0; i < 20_000; i++) {
                byte[] body = i % 2 == 0 ? flipped(random) : randomAfterPrefix(random);
                int r = outcome(body);
                refused += r;
                decoded += 1 - r;
            }
            assertEquals(20_000, decoded + refused);
            assertTrue(decoded > 100 && refused > 100, "decoded " + decoded + ", refused " + refused);
        });
    }

    /** 0 when the body decoded, 1 when it was refused; anything else thrown fails the test. */
    private static int outcome(byte[] body) {
        try {
            KubeProtobuf.decode(body);
            return 0;
        } catch (ProtobufBodyException e) {
            assertTrue(!e.getMessage().isEmpty());
            return 1;
        }
    }

    private static byte[] flipped(Random random) throws IOException {
        byte[] body = KubeProtobufTest.captured(CASES.get(random.nextInt(CASES.size())));
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
            int at = 4 + random.nextInt(body.length - 4);
            body[at] ^= (byte) (1 << random.nextInt(8));
        }
        return body;
    }

    private static byte[] randomAfterPrefix(Random random) {
        byte[] body = new byte[4 + random.nextInt(200)];
        random.nextBytes(body);
        System.arraycopy(Bodies.PREFIX, 0, body, 0, 4);
        return body;
    }
}
