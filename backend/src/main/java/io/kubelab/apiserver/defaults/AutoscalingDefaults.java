package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.object;

/** autoscaling/v2 and autoscaling/v1 HorizontalPodAutoscaler. */
final class AutoscalingDefaults {

    /** {@code autoscaling.DefaultCPUUtilization}. */
    static final int DEFAULT_CPU_UTILIZATION = 80;

    private AutoscalingDefaults() {
    }

    /** v1 defaults only minReplicas; its CPU target is filled in by conversion, not defaulting. */
    static void hpaV1(ObjectNode hpa) {
        defaultPointer(Fields.ensureObject(hpa, "spec"), "minReplicas", 1);
    }

    static void hpaV2(ObjectNode hpa) {
        ObjectNode spec = Fields.ensureObject(hpa, "spec");
        defaultPointer(spec, "minReplicas", 1);
        if (Fields.isEmpty(spec, "metrics")) {
            ObjectNode metric = spec.putArray("metrics").addObject();
            metric.put("type", "Resource");
            ObjectNode resource = metric.putObject("resource");
            resource.put("name", "cpu");
            resource.putObject("target").put("type", "Utilization").put("averageUtilization", DEFAULT_CPU_UTILIZATION);
        }
        ObjectNode behavior = object(spec, "behavior");
        if (behavior != null) {
            ObjectNode up = Fields.ensureObject(behavior, "scaleUp");
            defaultPointer(up, "stabilizationWindowSeconds", 0);
            defaultPointer(up, "selectPolicy", "Max");
            if (Fields.isNil(up, "policies")) {
                ArrayNode policies = up.putArray("policies");
                policies.addObject().put("type", "Pods").put("value", 4).put("periodSeconds", 15);
                policies.addObject().put("type", "Percent").put("value", 100).put("periodSeconds", 15);
            }
            // Scale-down stabilization stays unset: the controller's --horizontal-pod-autoscaler-downscale-
            // stabilization flag supplies it.
            ObjectNode down = Fields.ensureObject(behavior, "scaleDown");
            defaultPointer(down, "selectPolicy", "Max");
            if (Fields.isNil(down, "policies")) {
                down.putArray("policies").addObject().put("type", "Percent").put("value", 100).put("periodSeconds", 15);
            }
        }
        each(spec, "metrics", AutoscalingDefaults::metricQuantities);
        each(object(hpa, "status"), "currentMetrics", AutoscalingDefaults::metricQuantities);
    }

    /** Targets and current values are Quantities: re-printed in Kubernetes' form. */
    private static void metricQuantities(ObjectNode metric) {
        for (String source : new String[] {"resource", "containerResource", "pods", "object", "external"}) {
            ObjectNode s = object(metric, source);
            for (String holder : new String[] {"target", "current"}) {
                ObjectNode h = object(s, holder);
                Fields.quantity(h, "value");
                Fields.quantity(h, "averageValue");
            }
        }
    }
}
