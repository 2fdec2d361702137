package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.Pipeline;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.authorization.BootstrapPolicy;
import io.kubelab.apiserver.authorization.RbacAuthorization;
import io.kubelab.apiserver.authorization.StoreRbacSource;
import io.kubelab.apiserver.defaults.Defaulting;
import io.kubelab.store.Store;

import java.util.ArrayList;
import java.util.List;

/** The API server parts a kubeadm 1.32 cluster runs with. */
final class Defaults {

    private Defaults() {
    }

    static SimCluster.Wiring wiring(Store store) {
        Pipeline pipeline = new Pipeline(Defaulting::apply, new Pipeline.Validator() {
            @Override
            public List<Status.Cause> validateCreate(ObjectNode object) {
                return List.of();
            }

            @Override
            public List<Status.Cause> validateUpdate(ObjectNode object, ObjectNode old) {
                return List.of();
            }
        }, List.of());
        List<ObjectNode> policy = new ArrayList<>(BootstrapPolicy.clusterRoles());
        policy.addAll(BootstrapPolicy.clusterRoleBindings());
        return new SimCluster.Wiring(pipeline, new RbacAuthorization(new StoreRbacSource(store)),
                (ApiRequest request, ObjectNode stored) -> {
                    throw new StatusException(Status.badRequest("patch is not supported yet"));
                }, policy);
    }
}
