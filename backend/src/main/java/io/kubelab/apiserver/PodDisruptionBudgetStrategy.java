package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** PodDisruptionBudgets: the status counters are plain integers, so a new one shows them as 0. */
final class PodDisruptionBudgetStrategy implements Strategy {

    @Override
    public void prepareForCreate(ObjectNode pdb, Context context) {
        pdb.putObject("status").put("currentHealthy", 0).put("desiredHealthy", 0).put("disruptionsAllowed", 0)
                .put("expectedPods", 0);
    }

    @Override
    public boolean tracksGeneration() {
        return true;
    }
}
