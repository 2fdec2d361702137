package io.kubelab.runtime;

import io.kubelab.apiserver.PodLogs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The log files of a sandbox's containers, as the runtime keeps them on each node: the current instance's
 * lines and the previous instance's (what {@code kubectl logs --previous} reads after a restart). Each
 * instance keeps its last {@value #MAX_LINES} lines, like a rotated log file.
 */
public final class ContainerLogs implements PodLogs {

    public static final int MAX_LINES = 5_000;

    private final Map<String, Deque<Line>> current = new HashMap<>();
    private final Map<String, List<Line>> previous = new HashMap<>();
    private final Map<String, List<Consumer<Line>>> followers = new HashMap<>();

    private static String key(String namespace, String pod, String container) {
        return namespace + "/" + pod + "/" + container;
    }

    public synchronized void append(String namespace, String pod, String container, Instant time, String text) {
        String key = key(namespace, pod, container);
        Deque<Line> lines = current.computeIfAbsent(key, k -> new ArrayDeque<>());
        for (String part : text.split("\n", -1)) {
            Line line = new Line(time, part);
            lines.addLast(line);
            if (lines.size() > MAX_LINES) {
                lines.removeFirst();
            }
            for (Consumer<Line> follower : followers.getOrDefault(key, List.of())) {
                follower.accept(line);
            }
        }
    }

    /** A container restarted: its log so far becomes the previous instance's. */
    public synchronized void restarted(String namespace, String pod, String container) {
        String key = key(namespace, pod, container);
        Deque<Line> lines = current.remove(key);
        previous.put(key, lines == null ? List.of() : List.copyOf(lines));
    }

    /** The pod is gone from its node: so are its logs. */
    public synchronized void removePod(String namespace, String pod) {
        String prefix = namespace + "/" + pod + "/";
        current.keySet().removeIf(k -> k.startsWith(prefix));
        previous.keySet().removeIf(k -> k.startsWith(prefix));
        followers.keySet().removeIf(k -> k.startsWith(prefix));
    }

    @Override
    public synchronized List<Line> read(String namespace, String pod, String container, boolean previousInstance) {
        String key = key(namespace, pod, container);
        if (previousInstance) {
            return previous.getOrDefault(key, List.of());
        }
        Deque<Line> lines = current.get(key);
        return lines == null ? List.of() : new ArrayList<>(lines);
    }

    @Override
    public synchronized Runnable follow(String namespace, String pod, String container, Consumer<Line> sink) {
        String key = key(namespace, pod, container);
        followers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(sink);
        return () -> {
            synchronized (this) {
                List<Consumer<Line>> list = followers.get(key);
                if (list != null) {
                    list.remove(sink);
                }
            }
        };
    }


    /** Every container's lines, for parking: key {@code namespace/pod/container}, current then previous. */
    public synchronized Map<String, List<Line>> currentLines() {
        Map<String, List<Line>> out = new HashMap<>();
        current.forEach((key, lines) -> out.put(key, List.copyOf(lines)));
        return out;
    }

    public synchronized Map<String, List<Line>> previousLines() {
        return new HashMap<>(previous);
    }

    public synchronized void restore(Map<String, List<Line>> currentLines, Map<String, List<Line>> previousLines) {
        currentLines.forEach((key, lines) -> current.put(key, new ArrayDeque<>(lines)));
        previous.putAll(previousLines);
    }
}
