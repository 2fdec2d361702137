package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DaemonSets: besides {@code generation}, apps/v1 keeps the old template generation counter in the
 * {@code deprecated.daemonset.template.generation} annotation, which grows with each template change.
 */
final class DaemonSetStrategy implements Strategy {

    static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";

    @Override
    public void prepareForCreate(ObjectNode daemonSet, Context context) {
        ObjectNode annotations = daemonSet.with("metadata").with("annotations");
        if (annotations.path(TEMPLATE_GENERATION).asLong(0) < 1) {
            annotations.put(TEMPLATE_GENERATION, "1");
        }
    }

    @Override
    public void prepareForUpdate(ObjectNode daemonSet, ObjectNode old, Context context) {
        long previous = old.path("metadata").path("annotations").path(TEMPLATE_GENERATION).asLong(1);
        ObjectNode normalised = daemonSet.deepCopy();
        GoZeroValues.apply(normalised);
        boolean templateChanged = !normalised.path("spec").path("template").equals(old.path("spec").path("template"));
        daemonSet.with("metadata").with("annotations").put(TEMPLATE_GENERATION,
                Long.toString(templateChanged ? previous + 1 : previous));
    }

    @Override
    public boolean tracksGeneration() {
        return true;
    }
}
