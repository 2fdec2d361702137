package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** PersistentVolumes and claims start Pending; a volume's status records when its phase last changed. */
final class VolumeStrategies {

    private VolumeStrategies() {
    }

    static final Strategy CLAIMS = new Strategy() {
        @Override
        public void prepareForCreate(ObjectNode claim, Context context) {
            claim.putObject("status").put("phase", "Pending");
        }
    };

    static final Strategy VOLUMES = new Strategy() {
        @Override
        public void prepareForCreate(ObjectNode volume, Context context) {
            volume.putObject("status").put("phase", "Pending")
                    .put("lastPhaseTransitionTime", ObjectMeta.time(context.now()));
        }
    };

    /** Called on a status write: a new phase gets a new transition time. */
    static void stampPhase(ObjectNode updated, ObjectNode old, java.time.Instant now) {
        String phase = updated.path("status").path("phase").asText("");
        if (!phase.equals(old.path("status").path("phase").asText(""))) {
            updated.with("status").put("lastPhaseTransitionTime", ObjectMeta.time(now));
        }
    }
}
