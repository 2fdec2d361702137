package io.kubelab.record;

import io.kubelab.apiserver.EventSource;
import io.kubelab.apiserver.ObjectReferences;

/**
 * Which events API each Kubernetes 1.32 component records with, and how it names itself; one place so that a
 * component cannot pick the wrong shape.
 *
 * <ul>
 *   <li>kubelet: {@code tools/record}, core/v1, source {@code {component: kubelet, host: <node>}}
 *       ({@code cmd/kubelet/app/server.go makeEventRecorder}).</li>
 *   <li>kube-controller-manager's controllers: {@code tools/record}, core/v1, each with its own broadcaster and
 *       source {@code {component: <name>-controller}} and no host (e.g. {@code pkg/controller/deployment}).</li>
 *   <li>kube-scheduler: {@code tools/events}, events.k8s.io/v1, through
 *       {@code events.NewEventBroadcasterAdapterWithContext} ({@code cmd/kube-scheduler/app/options}); the
 *       recorder is named for the profile's scheduler, instance {@code <schedulerName>-<hostname>}.</li>
 *   <li>kube-proxy: {@code tools/events}, events.k8s.io/v1 ({@code cmd/kube-proxy/app/server.go}), controller
 *       {@code kube-proxy}, about {@link ObjectReferences#node its node}.</li>
 * </ul>
 */
public final class Recorders {

    public static final String DEFAULT_SCHEDULER = "default-scheduler";

    private Recorders() {
    }

    public static EventRecorder kubelet(EventSink sink, String nodeName) {
        return new EventRecorder(sink, new EventSource("kubelet", nodeName));
    }

    /** {@code component} as the controller names its source: {@code deployment-controller}, {@code node-controller}. */
    public static EventRecorder controller(EventSink sink, String component) {
        return new EventRecorder(sink, EventSource.of(component));
    }

    /** @param hostname the scheduler's host: it runs with the host's network, so its node's name */
    public static EventsRecorder scheduler(EventSink sink, String schedulerName, String hostname) {
        return new EventsRecorder(sink, schedulerName, hostname);
    }

    public static EventsRecorder kubeProxy(EventSink sink, String nodeName) {
        return new EventsRecorder(sink, "kube-proxy", nodeName);
    }
}
