package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

/**
 * For component tests that play the kubelets themselves (writing pod status by hand): the cluster's own
 * kubelets stand still, and the node lifecycle controller with them, so nodes whose leases nobody renews
 * are not marked unreachable under the test's feet. The scheduler's and the kubelet's writes such tests
 * play are here too.
 */
public final class PlayedComponents {

    private PlayedComponents() {
    }

    public static SimCluster kubeletsPlayedByTest(SimCluster cluster) {
        for (ClusterSpec.NodeSpec node : cluster.spec().nodes()) {
            cluster.stop("kubelet/" + node.name());
        }
        cluster.stop("controller-manager/node-lifecycle");
        cluster.stop("controller-manager/taint-eviction");
        return cluster;
    }

    private static final ResourceType PODS = ResourceTypes.of("v1", "Pod");

    /** The scheduler's part: binds the pod to {@code node} through the binding subresource. */
    public static void bind(ApiServer api, String namespace, String name, String node) {
        ObjectNode binding = JsonNodeFactory.instance.objectNode();
        binding.put("apiVersion", "v1").put("kind", "Binding");
        binding.putObject("metadata").put("name", name).put("namespace", namespace);
        binding.putObject("target").put("apiVersion", "v1").put("kind", "Node").put("name", node);
        api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, namespace, name)
                .withSubresource("binding").withBody(binding));
    }

    /** The kubelet's part: a pod being deleted is gone once its containers stopped (grace 0). */
    public static void deleteNow(ApiServer api, String namespace, String name) {
        api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, PODS, namespace, name)
                .withOptions(RequestOptions.DEFAULT.withGracePeriod(0)));
    }
}
