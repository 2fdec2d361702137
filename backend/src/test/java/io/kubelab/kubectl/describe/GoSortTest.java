package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events with many equal timestamps, in the order kubectl 1.32 printed them for the same lists (events
 * {@code m00..mNN} of one pod; a digit {@code d} is a lastTimestamp of 10:0(d+1):00, {@code -} none, and
 * {@code desc} lists run from 10:59 down, two events a minute). Go's sort is unstable past twelve elements.
 */
class GoSortTest {

    private static final Pattern MESSAGE = Pattern.compile(" (m\\d\\d)\\n");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "21-00020100--010-0010-01012-10210120001-, m11m39m02m27m21m16m12m20m24m09m10m07m37m13m36m15m05m17m18m35m32m04m22m29m03m31m33m08m28m23m01m38m14m25m19m34m00m06m26m30",
            "1111110000111110010101100111110011001111101100100100111001110111110000, "
                    + "m35m34m69m68m67m66m06m07m08m09m60m56m55m51m50m15m16m48m18m47m20m45m44m23m24m41m31m30m05m49m27m26m32m33m29m01m10m37m38m39m40m25m42m43m22m21m46m19m17m28m14m13m52m53m54m12m11m57m58m59m36m61m62m63m64m65m00m04m03m02",
            "desc60, m59m58m57m56m55m54m53m52m51m50m48m49m46m47m45m44m42m43m41m40m39m38m37m36m35m34m32m33m31m30m29m28m26m27m25m24m23m22m21m20m18m19m17m16m15m14m13m12m10m11m09m08m07m06m05m04m03m02m00m01"
    })
    void tiesEndWhereKubectlPutsThem(String times, String kubectlOrder) {
        int n = times.equals("desc60") ? 60 : times.length();
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode e = DescribeScenario.JSON.createObjectNode();
            e.put("type", "Normal").put("reason", "R").put("message", String.format("m%02d", i)).put("count", 1);
            String minute = times.equals("desc60") ? String.format("%02d", 59 - i / 2)
                    : times.charAt(i) == '-' ? null : "0" + (times.charAt(i) - '0' + 1);
            if (minute == null) {
                e.put("eventTime", "2026-11-25T10:00:00.000000Z");
            } else {
                e.put("firstTimestamp", "2026-11-25T10:" + minute + ":00Z").put("lastTimestamp", "2026-11-25T10:" + minute + ":00Z");
            }
            events.add(e);
        }
        TabWriter out = new TabWriter();
        EventsSection.write(events, new PrefixWriter(out), Instant.parse("2026-11-25T11:00:00Z"));
        StringBuilder order = new StringBuilder();
        Matcher m = MESSAGE.matcher(out.flush());
        while (m.find()) {
            order.append(m.group(1));
        }
        assertEquals(kubectlOrder, order.toString());
    }
}
