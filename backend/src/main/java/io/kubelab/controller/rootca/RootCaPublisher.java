package io.kubelab.controller.rootca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

/**
 * kube-controller-manager's root-ca-cert-publisher: every active namespace has the {@code kube-root-ca.crt}
 * ConfigMap with the cluster's CA (what a pod's kube-api-access volume projects), recreated if deleted and
 * restored if edited.
 */
public final class RootCaPublisher extends Controller {

    static final ResourceType NAMESPACES = ResourceTypes.of("v1", "Namespace");
    static final ResourceType CONFIG_MAPS = ResourceTypes.of("v1", "ConfigMap");
    static final String NAME = "kube-root-ca.crt";
    static final String DESCRIPTION = "Contains a CA bundle that can be used to verify the kube-apiserver when "
            + "using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is "
            + "guaranteed across distributions of Kubernetes clusters.";

    private final ApiServer api;
    private final Informer namespaces;
    private final Informer configMaps;
    private final String caPem;

    public RootCaPublisher(Informers informers, SimClock clock, String caPem) {
        super("root-ca-cert-publisher", clock);
        this.api = informers.api();
        this.caPem = caPem;
        this.namespaces = informers.of(NAMESPACES);
        this.configMaps = informers.of(CONFIG_MAPS);
        namespaces.onChange(this::enqueue);
        configMaps.onChange(key -> {
            if (key.endsWith("/" + NAME)) {
                enqueue(key.substring(0, key.indexOf('/')));
            }
        });
    }

    @Override
    protected void sync(String namespace) {
        ObjectNode ns = namespaces.get(namespace).orElse(null);
        if (ns == null || ObjectMeta.deleting(ns)) {
            return;
        }
        ObjectNode existing = configMaps.get(namespace + "/" + NAME).orElse(null);
        try {
            if (existing == null) {
                ObjectNode map = JsonNodeFactory.instance.objectNode();
                map.put("apiVersion", "v1").put("kind", "ConfigMap");
                ObjectNode metadata = map.putObject("metadata").put("name", NAME).put("namespace", namespace);
                metadata.putObject("annotations").put("kubernetes.io/description", DESCRIPTION);
                map.putObject("data").put("ca.crt", caPem);
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, CONFIG_MAPS, namespace, "")
                        .withBody(map));
            } else if (!ObjectMeta.deleting(existing) && !intact(existing)) {
                ObjectNode fixed = existing.deepCopy();
                fixed.putObject("data").put("ca.crt", caPem);
                fixed.with("metadata").with("annotations").put("kubernetes.io/description", DESCRIPTION);
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, CONFIG_MAPS, namespace, NAME)
                        .withBody(fixed));
            }
        } catch (StatusException e) {
            if (!alreadySettled(e)) {
                throw e;
            }
        }
    }

    private boolean intact(ObjectNode map) {
        JsonNode data = map.path("data");
        return data.size() == 1 && data.path("ca.crt").asText().equals(caPem)
                && map.path("metadata").path("annotations").path("kubernetes.io/description").asText().equals(DESCRIPTION);
    }
}
