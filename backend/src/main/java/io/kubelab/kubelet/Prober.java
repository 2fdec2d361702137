package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.clock.SimClock;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;
import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.Process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kubelet's prober manager ({@code pkg/kubelet/prober}): one worker per container instance and probe
 * kind, probing at once and then every {@code periodSeconds}, skipping until {@code initialDelaySeconds}
 * have passed since the container started; a result flips after {@code successThreshold} or
 * {@code failureThreshold} probes in a row. Readiness starts as failure, liveness as success, startup as
 * unknown; liveness and readiness wait for startup. Every failed probe records an {@code Unhealthy} event.
 *
 * <p>Settling: until a container has first passed its readiness (or startup) probe, and while that probe
 * has not yet failed {@code failureThreshold} times in a row, its ticks are work, so {@code sim settle}
 * waits for a pod to become Ready; after that (and for liveness always) they run in the background, so a
 * steady pod with probes does not keep the cluster busy.
 */
final class Prober {

    enum Kind {
        STARTUP("Startup", "startupProbe"), READINESS("Readiness", "readinessProbe"), LIVENESS("Liveness", "livenessProbe");

        final String word;
        final String field;

        Kind(String word, String field) {
            this.word = word;
            this.field = field;
        }
    }

    static final String USER_AGENT = "kube-probe/1.32";

    private final class Worker {
        final String podKey;
        final String podUid;
        final ObjectNode pod;
        final JsonNode container;
        final String containerId;
        final Kind kind;
        final JsonNode probe;
        SimClock.Timer timer;
        int successes;
        int failures;
        Boolean result;
        boolean everSucceeded;
        boolean onHold;

        Worker(String podKey, ObjectNode pod, JsonNode container, String containerId, Kind kind) {
            this.podKey = podKey;
            this.podUid = pod.path("metadata").path("uid").asText();
            this.pod = pod;
            this.container = container;
            this.containerId = containerId;
            this.kind = kind;
            this.probe = container.path(kind.field);
            this.result = kind == Kind.READINESS ? Boolean.FALSE : kind == Kind.LIVENESS ? Boolean.TRUE : null;
        }

        String key() {
            return containerId + "/" + kind;
        }

        int threshold(String field, int otherwise) {
            return probe.path(field).asInt(otherwise);
        }
    }

    private final ContainerRuntime runtime;
    private final SimClock clock;
    private final EventRecorder recorder;
    private final Consumer<String> wake;
    private final Narrator narrator;
    private final Map<String, Worker> workers = new HashMap<>();

    /** Where the prober tells the architecture view that a probe's result changed. */
    interface Narrator {
        void narrate(String action, ObjectNode pod, String message);
    }

    Prober(ContainerRuntime runtime, SimClock clock, EventRecorder recorder, Consumer<String> wake, Narrator narrator) {
        this.runtime = runtime;
        this.clock = clock;
        this.recorder = recorder;
        this.wake = wake;
        this.narrator = narrator;
    }

    /**
     * Starts workers for a running container instance ({@code adopted}: it was ready before, so its
     * results start as passed) and stops those of instances no longer running.
     */
    void watch(String podKey, ObjectNode pod, JsonNode container, RuntimeContainer c, boolean adopted) {
        for (Kind kind : Kind.values()) {
            if (!container.has(kind.field) || workers.containsKey(c.id() + "/" + kind)) {
                continue;
            }
            Worker w = new Worker(podKey, pod, container, c.id(), kind);
            if (adopted) {
                w.result = Boolean.TRUE;
                w.everSucceeded = true;
            }
            workers.put(w.key(), w);
            w.timer = adopted ? clock.scheduleBackground(period(w), () -> tick(w)) : clock.schedule(Duration.ZERO, () -> tick(w));
        }
    }

    /** Drops the workers of container instances of the pod not in {@code alive}. */
    void retain(String podUid, List<String> alive) {
        List<String> gone = new ArrayList<>();
        workers.forEach((key, w) -> {
            if (w.podUid.equals(podUid) && !alive.contains(w.containerId)) {
                gone.add(key);
            }
        });
        for (String key : gone) {
            Worker w = workers.remove(key);
            if (w.timer != null) {
                w.timer.cancel();
            }
        }
    }

    boolean has(String containerId, Kind kind) {
        return workers.containsKey(containerId + "/" + kind);
    }

    /** The current result: empty while unknown. */
    Optional<Boolean> result(String containerId, Kind kind) {
        Worker w = workers.get(containerId + "/" + kind);
        return w == null ? Optional.empty() : Optional.ofNullable(w.result);
    }

    private Duration period(Worker w) {
        return Duration.ofSeconds(w.probe.path("periodSeconds").asLong(10));
    }

    private void tick(Worker w) {
        w.timer = null;
        if (workers.get(w.key()) != w || w.onHold) {
            return;
        }
        Optional<Sandbox> sandbox = runtime.sandbox(w.podUid);
        Optional<RuntimeContainer> c = sandbox.flatMap(s -> s.container(w.container.path("name").asText()))
                .filter(rc -> rc.id().equals(w.containerId) && rc.running());
        if (c.isEmpty()) {
            workers.remove(w.key());
            return;
        }
        boolean waitsForStartup = w.kind != Kind.STARTUP && has(w.containerId, Kind.STARTUP)
                && !result(w.containerId, Kind.STARTUP).orElse(false);
        Duration delay = Duration.ofSeconds(w.probe.path("initialDelaySeconds").asLong(0));
        if (!waitsForStartup && !clock.now().isBefore(c.get().startedAt().plus(delay))) {
            probe(w, sandbox.get());
        }
        if (w.onHold || (w.kind == Kind.STARTUP && Boolean.TRUE.equals(w.result))) {
            return;
        }
        boolean settling = w.kind != Kind.LIVENESS && !w.everSucceeded
                && w.failures < w.threshold("failureThreshold", 3);
        w.timer = settling ? clock.schedule(period(w), () -> tick(w)) : clock.scheduleBackground(period(w), () -> tick(w));
    }

    private void probe(Worker w, Sandbox sandbox) {
        Optional<String> failure = run(w, sandbox);
        Boolean before = w.result;
        if (failure.isEmpty()) {
            w.failures = 0;
            w.successes++;
            if (w.successes >= w.threshold("successThreshold", 1)) {
                w.result = Boolean.TRUE;
                w.everSucceeded = true;
            }
        } else {
            recorder.eventf(reference(w), EventRecorder.WARNING, KubeletEvents.UNHEALTHY,
                    KubeletEvents.PROBE_FAILED_MESSAGE, w.kind.word, failure.get());
            w.successes = 0;
            w.failures++;
            if (w.failures >= w.threshold("failureThreshold", 3)) {
                w.result = Boolean.FALSE;
                if (w.kind != Kind.READINESS) {
                    w.onHold = true;
                }
            }
        }
        if (!java.util.Objects.equals(before, w.result)) {
            String name = w.container.path("name").asText();
            narrator.narrate(w.result ? "probe-passed" : "probe-failed", w.pod, w.kind.word + " probe of container " + name
                    + (w.result ? " passed." : " failed " + w.failures + " times in a row" + (w.kind == Kind.READINESS
                    ? ": the pod is not ready." : ": the kubelet will restart the container.")));
            wake.accept(w.podKey);
        }
    }

    private ObjectNode reference(Worker w) {
        return PodRefs.container(w.pod, w.container.path("name").asText());
    }

    /** Runs the probe once: empty when it passed, else the output the kubelet quotes. */
    private Optional<String> run(Worker w, Sandbox sandbox) {
        JsonNode p = w.probe;
        String ip = sandbox.ip();
        if (p.has("exec")) {
            List<String> argv = new ArrayList<>();
            p.path("exec").path("command").forEach(a -> argv.add(a.asText()));
            Optional<Process.ExecResult> r = runtime.exec(w.podUid, w.container.path("name").asText(), argv);
            if (r.isEmpty()) {
                return Optional.of("");
            }
            return r.get().exitCode() == 0 ? Optional.empty() : Optional.of(r.get().stdout() + r.get().stderr());
        }
        if (p.has("httpGet")) {
            JsonNode get = p.path("httpGet");
            int port = port(w.container, get.path("port"));
            String host = get.path("host").asText("").isEmpty() ? ip : get.path("host").asText();
            String path = get.path("path").asText("");
            if (!path.startsWith("/")) {
                path = "/" + path;
            }
            String scheme = get.path("scheme").asText("HTTP").toLowerCase(java.util.Locale.ROOT);
            String url = scheme + "://" + host + ":" + port + path;
            List<String> headers = new ArrayList<>(List.of("User-Agent: " + USER_AGENT, "Accept: */*"));
            get.path("httpHeaders").forEach(h -> headers.add(h.path("name").asText() + ": " + h.path("value").asText()));
            Network.HttpRequest request = new Network.HttpRequest("GET", host + ":" + port, path, headers, "",
                    gateway(ip, sandbox.hostNetwork()), USER_AGENT);
            Optional<Process.Served> served = runtime.http(w.podUid, port, request);
            if (served.isEmpty()) {
                return Optional.of("Get \"" + url + "\": dial tcp " + host + ":" + port + ": connect: connection refused");
            }
            int status = served.get().reply().status();
            return status >= 200 && status < 400 ? Optional.empty()
                    : Optional.of("HTTP probe failed with statuscode: " + status);
        }
        JsonNode socket = p.has("tcpSocket") ? p.path("tcpSocket") : p.path("grpc");
        int port = port(w.container, socket.path("port"));
        if (runtime.listening(w.podUid, port)) {
            return Optional.empty();
        }
        if (p.has("grpc")) {
            return Optional.of("timeout: failed to connect service \"" + ip + ":" + port + "\" within 1s");
        }
        String host = socket.path("host").asText("").isEmpty() ? ip : socket.path("host").asText();
        return Optional.of("dial tcp " + host + ":" + port + ": connect: connection refused");
    }

    /** A named port is looked up in the container's ports, as the kubelet does. */
    static int port(JsonNode container, JsonNode port) {
        if (port.isNumber()) {
            return port.asInt();
        }
        String name = port.asText();
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("containerPort").asInt();
            }
        }
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Probes come from the node: through the bridge ({@code .1} of the pod's subnet), or the node itself. */
    private static String gateway(String podIp, boolean hostNetwork) {
        return hostNetwork ? podIp : podIp.substring(0, podIp.lastIndexOf('.') + 1) + "1";
    }

    void removePod(String podUid) {
        retain(podUid, List.of());
    }
}
