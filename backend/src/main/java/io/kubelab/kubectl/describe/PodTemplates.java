package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pod template as {@code kubectl rollout history --revision=N} prints it: {@code DescribePodTemplate}
 * written through a PrefixWriter straight into a buffer, so its tabs are left unaligned, as kubectl leaves them.
 */
public final class PodTemplates {

    private PodTemplates() {
    }

    public static String unaligned(JsonNode template) {
        TabWriter buffer = new TabWriter();
        PodTemplateSection.write(new PrefixWriter(buffer), template);
        return buffer.raw();
    }
}
