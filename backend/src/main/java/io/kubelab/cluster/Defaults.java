package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.Pipeline;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.patch.Patches;
import io.kubelab.apiserver.admission.DefaultTolerationSeconds;
import io.kubelab.apiserver.admission.LimitRanger;
import io.kubelab.apiserver.admission.NamespaceLifecycle;
import io.kubelab.apiserver.admission.PriorityAdmission;
import io.kubelab.apiserver.admission.ResourceQuotaAdmission;
import io.kubelab.apiserver.admission.ServiceAccountAdmission;
import io.kubelab.apiserver.admission.StorageAdmission;
import io.kubelab.apiserver.authorization.AccessReviews;
import io.kubelab.apiserver.authorization.BootstrapPolicy;
import io.kubelab.apiserver.authorization.RbacAuthorization;
import io.kubelab.apiserver.authorization.StoreRbacSource;
import io.kubelab.apiserver.defaults.Defaulting;
import io.kubelab.apiserver.validation.Validation;
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
                return Validation.validateCreate(object);
            }

            @Override
            public List<Status.Cause> validateUpdate(ObjectNode object, ObjectNode old) {
                return Validation.validateUpdate(object, old);
            }
        }, List.of(new NamespaceLifecycle(), new LimitRanger(), new ServiceAccountAdmission(),
                new DefaultTolerationSeconds(), new PriorityAdmission(), new StorageAdmission(),
                new ResourceQuotaAdmission()));
        List<ObjectNode> policy = new ArrayList<>(BootstrapPolicy.clusterRoles());
        policy.addAll(BootstrapPolicy.clusterRoleBindings());
        StoreRbacSource rbac = new StoreRbacSource(store);
        return new SimCluster.Wiring(pipeline, new RbacAuthorization(rbac), new Patches(), policy,
                new AccessReviews(rbac));
    }
}
