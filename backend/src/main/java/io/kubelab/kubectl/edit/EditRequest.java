package io.kubelab.kubectl.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;

import java.util.List;

/**
 * One round of {@code kubectl edit}: the temporary file's name and text (kubectl's header comment, any
 * errors of the previous round, then the objects as YAML or JSON), the objects as they were read, and
 * what the first round showed (kubectl compares with it to say "no valid changes were saved"), and the
 * {@code --field-manager} its patches are recorded for.
 */
public record EditRequest(String fileName, String text, String format, List<Original> originals,
                          String firstText, boolean hadErrors, String fieldManager) {

    /** An object being edited as the API server returned it. */
    public record Original(ResourceType type, String namespace, String name, ObjectNode object) {
    }
}
