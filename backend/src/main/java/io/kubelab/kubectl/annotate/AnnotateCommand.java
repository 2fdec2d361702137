package io.kubelab.kubectl.annotate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.mutate.MetadataMapCommand;
import io.kubelab.kubectl.mutate.Pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code kubectl annotate}: adds, changes ({@code --overwrite}) and removes annotations with a merge patch. */
public final class AnnotateCommand extends MetadataMapCommand {

    /** The annotation {@code --record} writes; kubectl lets it be replaced without --overwrite. */
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    @Override
    public String name() {
        return "annotate";
    }

    @Override
    public String summary() {
        return "Update the annotations on a resource";
    }

    @Override
    public String usage() {
        return "kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]";
    }

    @Override
    public String description() {
        return """
                Update the annotations on one or more resources.

                 Annotations are key/value pairs that may hold larger, unstructured data than labels, for tools \
                and people to read; they are not used to select objects. An annotation that already has another \
                value is only changed with --overwrite. With --resource-version, the update only succeeds if the \
                object still has that resource version.""";
    }

    @Override
    public String examples() {
        return """
                  # Note who owns the pod web
                  kubectl annotate pods web owner=team-a

                  # Change an existing annotation
                  kubectl annotate --overwrite pods web owner=team-b

                  # Annotate every pod of the namespace
                  kubectl annotate pods --all checked=yes

                  # Remove the annotation owner
                  kubectl annotate pods web owner-""";
    }

    @Override
    public FlagSet flags() {
        return commonFlags("Filename, directory, or URL to files identifying the resource to update the annotation",
                "kubectl-annotate", "Select all resources, in the namespace of the specified resource types.", "annotation");
    }

    @Override
    protected String word() {
        return "annotation";
    }

    @Override
    protected String field() {
        return "annotations";
    }

    @Override
    protected Pairs.Changes parse(List<String> pairs) throws KubectlException {
        Pairs.Changes changes = Pairs.parse(pairs, "annotation", true);
        List<String> both = new ArrayList<>();
        for (String key : changes.remove()) {
            if (changes.set().containsKey(key)) {
                both.add(key);
            }
        }
        if (!both.isEmpty()) {
            throw KubectlException.error("can not both modify and remove the following annotation(s) in the same command: "
                    + String.join(", ", both));
        }
        return changes;
    }

    @Override
    protected String overwriteError(Map<String, String> current, Map<String, String> set) {
        List<String> found = new ArrayList<>();
        set.forEach((key, value) -> {
            String now = current.get(key);
            if (!key.equals(CHANGE_CAUSE) && now != null && !now.equals(value)) {
                found.add("'" + key + "' already has a value (" + now + ")");
            }
        });
        return found.isEmpty() ? null
                : "--overwrite is false but found the following declared annotation(s): " + String.join("; ", found);
    }

    @Override
    protected String operation(ObjectNode before, ObjectNode after, boolean overwrite) {
        return "annotated";
    }

    @Override
    protected boolean reportsMissingRemovals() {
        return false;
    }
}
