package io.kubelab.controller.cronjob;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CronScheduleTest {

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource(delimiter = '|', value = {
            "*/1 * * * *            | 2026-11-25T10:00:00Z | 2026-11-25T10:01:00Z",
            "* * * * *              | 2026-11-25T10:00:30Z | 2026-11-25T10:01:00Z",
            "*/15 * * * *           | 2026-11-25T10:16:00Z | 2026-11-25T10:30:00Z",
            "5,35 9-17 * * *        | 2026-11-25T17:40:00Z | 2026-11-26T09:05:00Z",
            "0 9 * * MON-FRI        | 2026-11-27T10:00:00Z | 2026-11-30T09:00:00Z",
            "0 0 1 JAN *            | 2026-11-25T10:00:00Z | 2027-01-01T00:00:00Z",
            "0 0 13 * 5             | 2026-11-25T10:00:00Z | 2026-11-27T00:00:00Z",
            "30 2 31 * *            | 2026-11-25T10:00:00Z | 2026-12-31T02:30:00Z",
            "@hourly                | 2026-11-25T10:00:00Z | 2026-11-25T11:00:00Z",
            "@daily                 | 2026-11-25T10:00:00Z | 2026-11-26T00:00:00Z",
            "@midnight              | 2026-11-25T00:00:00Z | 2026-11-26T00:00:00Z",
            "@weekly                | 2026-11-25T10:00:00Z | 2026-11-29T00:00:00Z",
            "@monthly               | 2026-11-25T10:00:00Z | 2026-12-01T00:00:00Z",
            "@yearly                | 2026-11-25T10:00:00Z | 2027-01-01T00:00:00Z",
            "@annually              | 2026-11-25T10:00:00Z | 2027-01-01T00:00:00Z",
            "@every 90s             | 2026-11-25T10:00:00Z | 2026-11-25T10:01:30Z",
            "CRON_TZ=Europe/Paris 0 9 * * * | 2026-11-25T10:00:00Z | 2026-11-26T08:00:00Z",
            "TZ=America/New_York 0 0 * * *  | 2026-07-01T00:00:00Z | 2026-07-01T04:00:00Z",
    })
    void nextActivation(String schedule, String from, String expected) {
        assertEquals(Instant.parse(expected), CronSchedule.parse(schedule.strip()).next(Instant.parse(from)).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "* * * *          | expected exactly 5 fields, found 4: [* * * *]",
            "60 * * * *       | end of range (60) above maximum (59): 60",
            "* * * * 7        | end of range (7) above maximum (6): 7",
            "@reboot          | unrecognized descriptor: @reboot",
            "x * * * *        | failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
    })
    void robfigsErrors(String schedule, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> CronSchedule.parse(schedule.strip())).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0 0 30 2 *"})
    void impossibleDateHasNoNext(String schedule) {
        assertEquals(java.util.Optional.empty(), CronSchedule.parse(schedule).next(Instant.parse("2026-11-25T10:00:00Z")));
    }
}
