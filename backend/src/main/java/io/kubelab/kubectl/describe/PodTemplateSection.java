package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.go.GoSort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;

/** {@code DescribePodTemplate}, shared by every workload describer, and the pod's topology constraints. */
final class PodTemplateSection {

    private PodTemplateSection() {
    }

    static void write(PrefixWriter w, JsonNode template) {
        w.write(LEVEL_0, "Pod Template:\n");
        if (template.isMissingNode() || template.isNull()) {
            w.write(LEVEL_1, "<unset>");
            return;
        }
        JsonNode spec = template.path("spec");
        Meta.labelsMultiline(w, "  Labels", J.map(template, "metadata", "labels"));
        if (!J.map(template, "metadata", "annotations").isEmpty()) {
            Meta.annotationsMultiline(w, "  Annotations", J.map(template, "metadata", "annotations"));
        }
        if (!J.str(spec, "serviceAccountName").isEmpty()) {
            w.write(LEVEL_1, "Service Account:\t" + J.str(spec, "serviceAccountName") + "\n");
        }
        if (!J.list(spec, "initContainers").isEmpty()) {
            ContainersSection.write(w, "Init Containers", J.list(spec, "initContainers"), List.of(), null, "  ");
        }
        ContainersSection.write(w, "Containers", J.list(spec, "containers"), List.of(), null, "  ");
        VolumeSources.volumes(w, J.list(spec, "volumes"), "  ");
        topologySpread(w, J.list(spec, "topologySpreadConstraints"), "  ");
        if (!J.str(spec, "priorityClassName").isEmpty()) {
            w.write(LEVEL_1, "Priority Class Name:\t" + J.str(spec, "priorityClassName") + "\n");
        }
        Meta.labelsMultiline(w, "  Node-Selectors", J.map(spec, "nodeSelector"));
        Meta.tolerations(w, "  ", "Tolerations", J.list(spec, "tolerations"));
    }

    /** {@code describeTopologySpreadConstraints}. */
    static void topologySpread(PrefixWriter w, List<JsonNode> constraints, String space) {
        if (constraints.isEmpty()) {
            return;
        }
        List<JsonNode> sorted = new ArrayList<>(constraints);
        GoSort.sort(sorted, Comparator.comparing(c -> J.str(c, "topologyKey")));
        w.write(LEVEL_0, space + "Topology Spread Constraints:\t");
        for (int i = 0; i < sorted.size(); i++) {
            JsonNode c = sorted.get(i);
            if (i != 0) {
                w.write(LEVEL_0, space);
                w.write(LEVEL_0, "\t");
            }
            StringBuilder b = new StringBuilder();
            b.append(J.str(c, "topologyKey")).append(':').append(J.str(c, "whenUnsatisfiable"))
                    .append(" when max skew ").append(J.num(c, "maxSkew")).append(" is exceeded");
            if (c.path("labelSelector").isObject()) {
                b.append(" for selector ").append(Meta.formatSelector(c.path("labelSelector")));
            }
            w.write(LEVEL_0, b + "\n");
        }
    }
}
