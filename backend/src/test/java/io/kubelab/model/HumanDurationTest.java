package io.kubelab.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** apimachinery's duration.HumanDuration at each of its boundaries. */
class HumanDurationTest {

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({
            "-3, <invalid>", "-1, 0s", "0, 0s", "1, 1s", "119, 119s", "120, 2m", "121, 2m1s", "599, 9m59s",
            "600, 10m", "10799, 179m", "10800, 3h", "10860, 3h1m", "28799, 7h59m", "28800, 8h", "172799, 47h",
            "172800, 2d", "176400, 2d1h", "691199, 7d23h", "691200, 8d", "63071999, 729d", "63072000, 2y",
            "63158400, 2y1d", "252287999, 7y364d", "252288000, 8y"})
    void formats(long seconds, String expected) {
        assertEquals(expected, HumanDuration.of(Duration.ofSeconds(seconds)));
    }

    @ParameterizedTest(name = "{0}ms -> {1}")
    @CsvSource({"-1999, 0s", "-1500, 0s", "-2000, <invalid>", "900, 0s", "1999, 1s"})
    void truncatesTowardsZero(long millis, String expected) {
        assertEquals(expected, HumanDuration.of(Duration.ofMillis(millis)));
    }
}
