package io.kubelab.kubectl.label;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.mutate.MetadataMapCommand;
import io.kubelab.kubectl.mutate.Pairs;
import io.kubelab.model.NameValidation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl label}: adds, changes ({@code --overwrite}) and removes labels with a merge patch, and
 * says {@code labeled}, {@code not labeled} or {@code unlabeled} as kubectl decides it (by comparing the
 * object's JSON before and after).
 */
public final class LabelCommand extends MetadataMapCommand {

    static final String LABELED = "labeled";
    static final String NOT_LABELED = "not labeled";
    static final String UNLABELED = "unlabeled";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "label";
    }

    @Override
    public String summary() {
        return "Update the labels on a resource";
    }

    @Override
    public String usage() {
        return "kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]";
    }

    @Override
    public String description() {
        return """
                Update the labels on a resource.

                  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
                  *  The key may start with a DNS subdomain prefix and a '/', as in example.com/my-app.
                  *  A label that already has another value is only changed with --overwrite.
                  *  With --resource-version, the update only succeeds if the object still has that resource version.""";
    }

    @Override
    public String examples() {
        return """
                  # Label the pod web with tier=frontend
                  kubectl label pods web tier=frontend

                  # Change the value of an existing label
                  kubectl label --overwrite pods web tier=backend

                  # Label every pod of the namespace
                  kubectl label pods --all status=checked

                  # Label the pod described in pod.yaml
                  kubectl label -f pod.yaml status=checked

                  # Remove the label tier
                  kubectl label pods web tier-""";
    }

    @Override
    public FlagSet flags() {
        return commonFlags("Filename, directory, or URL to files identifying the resource to update the labels", "kubectl-label",
                "Select all resources, in the namespace of the specified resource types", "labels");
    }

    @Override
    protected String word() {
        return "label";
    }

    @Override
    protected String field() {
        return "labels";
    }

    /** kubectl's parseLabels: one {@code =} only, a valid value, and no key both set and removed. */
    @Override
    protected Pairs.Changes parse(List<String> pairs) throws KubectlException {
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        for (String spec : pairs) {
            if (spec.contains("=")) {
                String[] parts = spec.split("=", -1);
                if (parts.length != 2) {
                    throw KubectlException.error("invalid label spec: " + spec);
                }
                List<String> problems = NameValidation.labelValue(parts[1]);
                if (!problems.isEmpty()) {
                    throw KubectlException.error("invalid label value: " + io.kubelab.model.FieldErrors.goQuote(spec)
                            + ": " + String.join(";", problems));
                }
                set.put(parts[0], parts[1]);
            } else if (spec.endsWith("-")) {
                remove.add(spec.substring(0, spec.length() - 1));
            } else {
                throw KubectlException.error("unknown label spec: " + spec);
            }
        }
        for (String key : remove) {
            if (set.containsKey(key)) {
                throw KubectlException.error("can not both modify and remove a label in the same command");
            }
        }
        return new Pairs.Changes(set, remove);
    }

    @Override
    protected String overwriteError(Map<String, String> current, Map<String, String> set) {
        List<String> problems = new ArrayList<>();
        set.forEach((key, value) -> {
            String now = current.get(key);
            if (now != null && !now.equals(value)) {
                problems.add("'" + key + "' already has a value (" + now + "), and --overwrite is false");
            }
        });
        return problems.isEmpty() ? null : String.join("\nerror: ", problems);
    }

    /** kubectl compares the JSON texts: unchanged, longer or changed, or (without --overwrite) shorter. */
    @Override
    protected String operation(ObjectNode before, ObjectNode after, boolean overwrite) {
        String old = json(before);
        String now = json(after);
        if (old.equals(now)) {
            return NOT_LABELED;
        }
        return !overwrite && now.length() < old.length() ? UNLABELED : LABELED;
    }

    @Override
    protected boolean reportsMissingRemovals() {
        return true;
    }

    private static String json(ObjectNode object) {
        try {
            return JSON.writeValueAsString(object);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
