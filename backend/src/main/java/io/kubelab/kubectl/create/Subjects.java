package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/** The subjects and role reference of {@code create rolebinding} and {@code create clusterrolebinding}. */
final class Subjects {

    static final String RBAC = "rbac.authorization.k8s.io";

    private Subjects() {
    }

    /** {@code --user}, {@code --group}, {@code --serviceaccount}, with the word kubectl's help uses for the role. */
    static FlagSet flags(FlagSet flags, String role) {
        return flags
                .add(Flag.stringArray("group", "", "Groups to bind to the " + role + ". The flag can be repeated to add multiple groups."))
                .add(Flag.stringArray("serviceaccount", "", "Service accounts to bind to the " + role + ", in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts."))
                .add(Flag.stringArray("user", "", "Usernames to bind to the " + role + ". The flag can be repeated to add multiple users."));
    }

    /** Users, then groups, then service accounts, as kubectl adds them; null for none (Go omits the nil slice). */
    static ArrayNode of(ParsedFlags flags) throws KubectlException {
        ArrayNode subjects = JsonNodeFactory.instance.arrayNode();
        for (String user : flags.strings("user")) {
            subjects.addObject().put("kind", "User").put("apiGroup", RBAC).put("name", user);
        }
        for (String group : flags.strings("group")) {
            subjects.addObject().put("kind", "Group").put("apiGroup", RBAC).put("name", group);
        }
        for (String sa : flags.strings("serviceaccount")) {
            String[] parts = sa.split(":", -1);
            if (parts.length != 2 || parts[1].isEmpty()) {
                throw KubectlException.error("serviceaccount must be <namespace>:<name>");
            }
            ObjectNode subject = subjects.addObject().put("kind", "ServiceAccount").put("name", parts[1]);
            if (!parts[0].isEmpty()) {
                subject.put("namespace", parts[0]);
            }
        }
        return subjects.isEmpty() ? null : subjects;
    }

    static ObjectNode roleRef(String kind, String name) {
        return JsonNodeFactory.instance.objectNode().put("apiGroup", RBAC).put("kind", kind).put("name", name);
    }
}
