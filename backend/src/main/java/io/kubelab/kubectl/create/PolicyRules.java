package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The single rule of {@code create role} and {@code create clusterrole}: verbs without repeats (just
 * {@code *} if it is among them), resources as {@code resource[.group][/subresource]} resolved through
 * discovery (short names expand, the group is found), one rule per API group in group order, then the
 * non-resource URLs; with kubectl's checks of special verbs.
 */
final class PolicyRules {

    static final List<String> RESOURCE_VERBS = List.of("*", "get", "delete", "list", "create", "update", "patch",
            "watch", "proxy", "deletecollection", "use", "bind", "escalate", "impersonate");
    static final List<String> NON_RESOURCE_VERBS = List.of("*", "get", "put", "post", "head", "options", "delete",
            "patch");
    private static final String RBAC = "rbac.authorization.k8s.io";
    /** Verbs that only make sense on some resources, as kubectl's {@code specialVerbs}. */
    private static final Map<String, List<String>> SPECIAL_VERBS = Map.of(
            "use", List.of("policy/podsecuritypolicies", "extensions/podsecuritypolicies"),
            "bind", List.of(RBAC + "/roles", RBAC + "/clusterroles"),
            "escalate", List.of(RBAC + "/roles", RBAC + "/clusterroles"),
            "impersonate", List.of("/users", "/serviceaccounts", "/groups", "authentication.k8s.io/userextras",
                    "authentication.k8s.io/uids"));

    /** One {@code --resource} value. */
    record Resource(String resource, String group, String subresource) {
    }

    private PolicyRules() {
    }

    static List<String> verbs(List<String> given) {
        Set<String> verbs = new LinkedHashSet<>();
        for (String verb : given) {
            if (verb.equals("*")) {
                return List.of("*");
            }
            verbs.add(verb);
        }
        return new ArrayList<>(verbs);
    }

    static List<Resource> resources(List<String> given) {
        List<Resource> out = new ArrayList<>();
        for (String r : given) {
            int slash = r.indexOf('/');
            String sub = slash < 0 ? "" : r.substring(slash + 1);
            String main = slash < 0 ? r : r.substring(0, slash);
            int dot = main.indexOf('.');
            Resource resource = new Resource(dot < 0 ? main : main.substring(0, dot),
                    dot < 0 ? "" : main.substring(dot + 1), sub);
            if (resource.resource().equals("*") && dot < 0 && slash < 0) {
                return List.of(resource);
            }
            out.add(resource);
        }
        return out;
    }

    static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    /** The warnings for verbs that are not standard, on stderr as kubectl prints them. */
    static void warnVerbs(KubectlContext ctx, List<String> verbs) {
        for (String verb : verbs) {
            if (!RESOURCE_VERBS.contains(verb)) {
                ctx.err().append("Warning: '").append(verb).append("' is not a standard resource verb\n");
            }
        }
    }

    /** kubectl's {@code validateResource}. */
    static void validate(List<Resource> resources, List<String> verbs) throws KubectlException {
        for (Resource r : resources) {
            if (r.resource().isEmpty()) {
                throw KubectlException.error("resource must be specified if apiGroup/subresource specified");
            }
            if (r.resource().equals("*")) {
                return;
            }
            ResourceType found = resolve(r);
            String group = found == null ? r.group() : found.group();
            String plural = found == null ? r.resource() : found.resource();
            boolean special = false;
            for (String verb : verbs) {
                List<String> allowed = SPECIAL_VERBS.get(verb);
                if (allowed != null) {
                    if (!allowed.contains(group + "/" + plural)) {
                        throw KubectlException.error("can not perform '" + verb + "' on '" + plural + "' in group '"
                                + group + "'");
                    }
                    special = true;
                }
            }
            if (found == null && !special) {
                throw noMatch(r);
            }
        }
    }

    private static KubectlException noMatch(Resource r) {
        String text = "the server doesn't have a resource type \"" + r.resource() + "\""
                + (r.group().isEmpty() ? "" : " in group \"" + r.group() + "\"");
        return new KubectlException(text + "\n", 1);
    }

    /** The resource discovery finds for {@code resource[.group]}, or null. */
    private static ResourceType resolve(Resource r) {
        for (ResourceType type : ResourceTypes.lookup(r.resource())) {
            if (r.group().isEmpty() || type.group().equals(r.group())) {
                return type;
            }
        }
        return null;
    }

    /** {@code generateResourcePolicyRules}: one rule per group (sorted), then one for the URLs. */
    static ArrayNode rules(List<String> verbs, List<Resource> resources, List<String> resourceNames,
                           List<String> nonResourceUrls) {
        Map<String, List<String>> byGroup = new TreeMap<>();
        for (Resource r : resources) {
            ResourceType found = resolve(r);
            String group = found == null ? r.group() : found.group();
            String name = (found == null ? r.resource() : found.resource())
                    + (r.subresource().isEmpty() ? "" : "/" + r.subresource());
            List<String> names = byGroup.computeIfAbsent(group, g -> new ArrayList<>());
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        byGroup.forEach((group, names) -> {
            ObjectNode rule = rules.addObject();
            rule.set("verbs", Typed.strings(verbs));
            rule.set("apiGroups", Typed.strings(List.of(group)));
            rule.set("resources", Typed.strings(names));
            if (!resourceNames.isEmpty()) {
                rule.set("resourceNames", Typed.strings(resourceNames));
            }
        });
        if (!nonResourceUrls.isEmpty()) {
            ObjectNode rule = rules.addObject();
            rule.set("verbs", Typed.strings(verbs));
            rule.set("nonResourceURLs", Typed.strings(nonResourceUrls));
        }
        return rules;
    }
}
