package io.kubelab.controller;

import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.EventSource;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.record.EventRecorder;
import io.kubelab.record.EventSink;
import io.kubelab.record.Recorders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * client-go's shared informer factory: one watch and one cache per resource, shared by every controller
 * of kube-controller-manager, so a pod is cached once however many controllers look at pods.
 */
public final class Informers {

    public static final UserInfo CONTROLLER_MANAGER = UserInfo.component("system:kube-controller-manager");

    private final ApiServer api;
    private final SimClock clock;
    private final RandomGenerator random;
    private final ComponentEvents events;
    private final Map<ResourceType, Informer> informers = new LinkedHashMap<>();

    public Informers(ApiServer api, SimClock clock, RandomGenerator random, ComponentEvents events) {
        this.api = api;
        this.clock = clock;
        this.random = random;
        this.events = events;
    }

    /** Where components narrate their work for the architecture view (DESIGN §3.5). */
    public ComponentEvents events() {
        return events;
    }

    /** The sandbox's seeded randomness (jitter, generated names), so the same inputs give the same run. */
    public RandomGenerator random() {
        return random;
    }

    /** The Event recorder a controller reports with, under its source name ({@code persistentvolume-controller}). */
    public EventRecorder recorder(String component) {
        return Recorders.controller(new EventSink(api, CONTROLLER_MANAGER, clock, random), component);
    }

    /** A recorder for something outside kube-controller-manager that the sandbox simulates (a provisioner). */
    public EventRecorder recorder(EventSource source) {
        return new EventRecorder(new EventSink(api, CONTROLLER_MANAGER, clock, random), source);
    }

    public SimClock clock() {
        return clock;
    }

    public synchronized Informer of(ResourceType type) {
        return informers.computeIfAbsent(type, t -> new Informer(api, CONTROLLER_MANAGER, t));
    }

    public ApiServer api() {
        return api;
    }
}
