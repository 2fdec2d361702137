package io.kubelab.controller;

import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * client-go's shared informer factory: one watch and one cache per resource, shared by every controller
 * of kube-controller-manager, so a pod is cached once however many controllers look at pods.
 */
public final class Informers {

    public static final UserInfo CONTROLLER_MANAGER = UserInfo.component("system:kube-controller-manager");

    private final ApiServer api;
    private final Map<ResourceType, Informer> informers = new LinkedHashMap<>();

    public Informers(ApiServer api) {
        this.api = api;
    }

    public synchronized Informer of(ResourceType type) {
        return informers.computeIfAbsent(type, t -> new Informer(api, CONTROLLER_MANAGER, t));
    }

    public ApiServer api() {
        return api;
    }
}
