package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resource quantities as describe prints and sums them ({@code Quantity.String()}, pod requests and limits). */
final class Quantities {

    static final Quantity ZERO = Quantity.of(0, Quantity.Format.DECIMAL_SI);

    private Quantities() {
    }

    /** A quantity as Go prints one decoded from JSON: its canonical form. */
    static String text(String stored) {
        try {
            return Quantity.parse(stored).canonical();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }

    static Quantity parse(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return ZERO;
        }
        try {
            return Quantity.parse(n.asText());
        } catch (IllegalArgumentException e) {
            return ZERO;
        }
    }

    static Quantity get(Map<String, Quantity> list, String name) {
        return list.getOrDefault(name, ZERO);
    }

    /**
     * {@code resourcehelper.PodRequests} / {@code PodLimits} without pod-level resources: the sum of the
     * app containers, raised to any init container's (restartable init containers add to both), plus
     * the pod overhead. {@code field} is {@code requests} or {@code limits}.
     */
    static Map<String, Quantity> pod(JsonNode pod, String field) {
        Map<String, Quantity> sum = new HashMap<>();
        for (JsonNode c : J.list(pod, "spec", "containers")) {
            add(sum, containerList(c, field, pod));
        }
        Map<String, Quantity> restartable = new HashMap<>();
        Map<String, Quantity> initMax = new HashMap<>();
        for (JsonNode c : J.list(pod, "spec", "initContainers")) {
            Map<String, Quantity> own = containerList(c, field, pod);
            if (J.str(c, "restartPolicy").equals("Always")) {
                add(sum, own);
                add(restartable, own);
                max(initMax, own);
            } else {
                Map<String, Quantity> tmp = new HashMap<>(own);
                add(tmp, restartable);
                max(initMax, tmp);
            }
        }
        max(sum, initMax);
        Map<String, Quantity> overhead = new HashMap<>();
        J.map(pod, "spec", "overhead").forEach((k, v) -> overhead.put(k, Quantity.parse(v)));
        if (field.equals("requests")) {
            add(sum, overhead);
        } else {
            // Overhead only adds to a limit the pod has.
            for (Map.Entry<String, Quantity> e : overhead.entrySet()) {
                sum.computeIfPresent(e.getKey(), (k, v) -> v.add(e.getValue()));
            }
        }
        return sum;
    }

    /** A container's requests or limits; with {@code UseStatusResources}, what the status says it was allocated. */
    private static Map<String, Quantity> containerList(JsonNode c, String field, JsonNode pod) {
        Map<String, Quantity> out = new HashMap<>();
        J.map(c, "resources", field).forEach((k, v) -> out.put(k, Quantity.parse(v)));
        return out;
    }

    private static void add(Map<String, Quantity> into, Map<String, Quantity> more) {
        more.forEach((k, v) -> into.merge(k, v, Quantity::add));
    }

    private static void max(Map<String, Quantity> into, Map<String, Quantity> more) {
        more.forEach((k, v) -> into.merge(k, v, (a, b) -> b.compareTo(a) > 0 ? b : a));
    }

    /** {@code ExtractContainerResourceValue}: a container's request or limit divided by the divisor, rounded up. */
    static String containerResourceValue(JsonNode ref, JsonNode container) {
        String resource = J.str(ref, "resource");
        Quantity divisor = J.has(ref, "divisor") ? parse(ref.path("divisor")) : Quantity.of(1, Quantity.Format.DECIMAL_SI);
        if (divisor.isZero()) {
            divisor = Quantity.of(1, Quantity.Format.DECIMAL_SI);
        }
        int dot = resource.indexOf('.');
        if (dot < 0) {
            return "";
        }
        String field = resource.substring(0, dot);
        String name = resource.substring(dot + 1);
        if (!List.of("limits", "requests").contains(field)) {
            return "";
        }
        Quantity q = parse(J.at(container, "resources", field, name));
        if (name.equals("cpu")) {
            return BigDecimal.valueOf(q.milliValue()).divide(BigDecimal.valueOf(divisor.milliValue()), 0, RoundingMode.CEILING)
                    .toPlainString();
        }
        return BigDecimal.valueOf(q.value()).divide(BigDecimal.valueOf(divisor.value()), 0, RoundingMode.CEILING)
                .toPlainString();
    }
}
