package io.kubelab.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves every timestamp of the dumped objects by whole seconds so that the real kubectl, reading the wall clock,
 * sees the same ages as our simulated clock; then moves the dates it prints back, so its text is the one it would
 * print at the simulated instant.
 */
final class TimeShift {

    private static final Pattern RFC3339 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    private static final Pattern RFC1123Z = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0000");
    private static final DateTimeFormatter DESCRIBE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TimeShift() {
    }

    /** Every RFC 3339 string in the tree moved by {@code by}. */
    static void shift(JsonNode node, Duration by) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(moved(e.getValue().asText(), by)));
                } else {
                    shift(e.getValue(), by);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, TextNode.valueOf(moved(a.get(i).asText(), by)));
                } else {
                    shift(a.get(i), by);
                }
            }
        }
    }

    private static String moved(String text, Duration by) {
        return RFC3339.matcher(text).matches() ? replace(text, RFC3339, s -> rfc3339(s, by)) : text;
    }

    /** The dates kubectl printed (RFC 3339 and describe's RFC 1123 with zone) moved back by {@code by}. */
    static String back(String text, Duration by) {
        String once = replace(text, RFC3339, s -> rfc3339(s, by.negated()));
        return replace(once, RFC1123Z, s -> DESCRIBE.format(DESCRIBE.parse(s, Instant::from).minus(by)));
    }

    private static String rfc3339(String s, Duration by) {
        int dot = s.indexOf('.');
        String fraction = dot < 0 ? "" : s.substring(dot, s.length() - 1);
        Instant t = Instant.parse(dot < 0 ? s : s.substring(0, dot) + "Z").plus(by);
        return SECONDS.format(t) + fraction + "Z";
    }

    private static String replace(String text, Pattern p, UnaryOperator<String> f) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
