package io.kubelab.controller.serviceaccount;

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
 * kube-controller-manager's serviceaccount controller: every active namespace has a {@code default}
 * ServiceAccount, recreated if deleted, so pods there can be admitted.
 */
public final class ServiceAccountsController extends Controller {

    static final ResourceType NAMESPACES = ResourceTypes.of("v1", "Namespace");
    static final ResourceType ACCOUNTS = ResourceTypes.of("v1", "ServiceAccount");
    static final String DEFAULT = "default";

    private final ApiServer api;
    private final Informer namespaces;
    private final Informer accounts;

    public ServiceAccountsController(Informers informers, SimClock clock) {
        super("serviceaccount", clock);
        this.api = informers.api();
        this.namespaces = informers.of(NAMESPACES);
        this.accounts = informers.of(ACCOUNTS);
        namespaces.onChange(this::enqueue);
        accounts.onChange(key -> {
            if (key.endsWith("/" + DEFAULT)) {
                enqueue(key.substring(0, key.indexOf('/')));
            }
        });
    }

    @Override
    protected void sync(String namespace) {
        ObjectNode ns = namespaces.get(namespace).orElse(null);
        if (ns == null || ObjectMeta.deleting(ns) || !ns.path("status").path("phase").asText("Active").equals("Active")
                || accounts.get(namespace + "/" + DEFAULT).isPresent()) {
            return;
        }
        ObjectNode account = JsonNodeFactory.instance.objectNode();
        account.put("apiVersion", "v1").put("kind", "ServiceAccount");
        account.putObject("metadata").put("name", DEFAULT).put("namespace", namespace);
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE, ACCOUNTS, namespace, "")
                    .withBody(account));
        } catch (StatusException e) {
            // Already there (a race with the informer) or the namespace is going: nothing left to do.
            if (!alreadySettled(e)) {
                throw e;
            }
        }
    }
}
