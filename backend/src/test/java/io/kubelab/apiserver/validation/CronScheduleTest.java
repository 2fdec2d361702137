package io.kubelab.apiserver.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** robfig/cron v3 standard-parser messages, as CronJob validation shows them. */
class CronScheduleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "*/5 * * * *|",
            "0 0 * * sun|",
            "@hourly|",
            "@every 90s|",
            "* * * *|expected exactly 5 fields, found 4: [* * * *]",
            "0 24 * * *|end of range (24) above maximum (23): 24",
            "0 0 0 * *|beginning of range (0) below minimum (1): 0",
            "5-1 * * * *|beginning of range (5) beyond end of range (1): 5-1",
            "*/0 * * * *|step of range should be a positive number: */0",
            "x * * * *|failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
            "1-2-3 * * * *|too many hyphens: 1-2-3",
            "@sometimes|unrecognized descriptor: @sometimes",
    })
    void schedules(String schedule, String error) {
        assertEquals(error == null ? "" : error, CronSchedule.parseError(schedule).orElse(""));
    }
}
