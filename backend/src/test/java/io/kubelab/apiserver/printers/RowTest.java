package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stored timestamps read by the fast path agree with java.time's parser. */
class RowTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T10:00:00Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z",
            "2024-03-01T00:00:01Z", "1999-12-31T12:30:45Z", "2026-11-25T10:00:00.123456Z", "2100-01-01T00:00:00Z"})
    void parsesAsInstantDoes(String text) {
        assertEquals(Instant.parse(text), Row.time(JsonNodeFactory.instance.textNode(text)));
    }
}
