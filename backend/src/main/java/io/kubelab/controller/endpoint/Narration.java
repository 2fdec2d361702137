package io.kubelab.controller.endpoint;

import java.util.List;

/** The endpoint controllers' plain sentences for the architecture view. */
public final class Narration {

    private Narration() {
    }

    public static String endpoints(String service, List<String> ready, List<String> notReady, boolean truncated) {
        StringBuilder text = new StringBuilder("Service ").append(service).append(" now has ")
                .append(count(ready.size(), "ready endpoint"));
        if (!ready.isEmpty()) {
            text.append(": ").append(String.join(", ", shown(ready)));
        }
        if (!notReady.isEmpty()) {
            text.append("; ").append(notReady.size()).append(" not ready: ").append(String.join(", ", shown(notReady)));
        }
        if (truncated) {
            text.append(" (over 1000 addresses, so the Endpoints object lists only the first 1000)");
        }
        return text.append('.').toString();
    }

    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static List<String> shown(List<String> items) {
        return items.size() <= 5 ? items
                : java.util.stream.Stream.concat(items.stream().limit(5), java.util.stream.Stream.of("...")).toList();
    }
}
