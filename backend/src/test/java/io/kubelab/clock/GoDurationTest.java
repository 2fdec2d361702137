package io.kubelab.clock;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "90s, 90000",
            "5m, 300000",
            "1h30m, 5400000",
            "2.5h, 9000000",
            "300ms, 300",
            "1m0.5s, 60500",
            ".5s, 500",
            "-2s, -2000",
    })
    void parses(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), GoDuration.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "5¦time: missing unit in duration \"5\"",
            "5x¦time: unknown unit \"x\" in duration \"5x\"",
            "abc¦time: invalid duration \"abc\"",
            "¦time: invalid duration \"\"",
            "1..2s¦time: invalid duration \"1..2s\"",
    })
    void rejectsWithGoWording(String text, String message) {
        String input = text == null ? "" : text;
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(input)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0s",
            "1500, 1.5s",
            "300, 300ms",
            "60000, 1m0s",
            "3723000, 1h2m3s",
            "86400000, 24h0m0s",
    })
    void formatsLikeGo(long millis, String text) {
        assertEquals(text, GoDuration.format(Duration.ofMillis(millis)));
    }
}
