package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * New pods tolerate a not-ready or unreachable node for 300 seconds before the taint manager evicts them,
 * unless they already say how long.
 */
public final class DefaultTolerationSeconds implements AdmissionPlugin {

    static final long SECONDS = 300;

    @Override
    public String name() {
        return "DefaultTolerationSeconds";
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (r.operation() != AdmissionRequest.Operation.CREATE || !r.is("", "pods") || !r.subresource().isEmpty()) {
            return;
        }
        ObjectNode spec = r.object().with("spec");
        for (String key : new String[]{"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
            if (!tolerated(spec.path("tolerations"), key)) {
                ArrayNode tolerations = spec.withArray("tolerations");
                tolerations.addObject().put("effect", "NoExecute").put("key", key).put("operator", "Exists")
                        .put("tolerationSeconds", SECONDS);
            }
        }
    }

    private static boolean tolerated(JsonNode tolerations, String key) {
        for (JsonNode t : tolerations) {
            String effect = t.path("effect").asText("");
            boolean effectMatches = effect.isEmpty() || effect.equals("NoExecute");
            boolean keyMatches = t.path("key").asText("").equals(key)
                    || (t.path("key").asText("").isEmpty() && t.path("operator").asText("").equals("Exists"));
            if (effectMatches && keyMatches) {
                return true;
            }
        }
        return false;
    }
}
