package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;

/** kubectl's Role, ClusterRole, RoleBinding and ClusterRoleBinding describers. */
final class RbacDescribers {

    /** One broken-down rule: kubectl's {@code rbacv1.PolicyRule} with one entry per list where it can. */
    private record Rule(List<String> verbs, List<String> groups, List<String> resources, List<String> names,
                        List<String> urls) {
        /** The generated {@code PolicyRule.String()}, which kubectl sorts compacted rules by. */
        String goString() {
            return "&PolicyRule{Verbs:" + J.goSlice(verbs) + ",APIGroups:" + J.goSlice(groups) + ",Resources:"
                    + J.goSlice(resources) + ",ResourceNames:" + J.goSlice(names) + ",NonResourceURLs:" + J.goSlice(urls) + ",}";
        }
    }

    private RbacDescribers() {
    }

    static void role(DescribeContext ctx, ObjectNode role, PrefixWriter w) {
        List<Rule> broken = new ArrayList<>();
        for (JsonNode rule : J.list(role, "rules")) {
            breakdown(rule, broken);
        }
        List<Rule> rules = compact(broken);
        rules.sort(Comparator.comparing(Rule::goString));
        Meta.name(w, role);
        Meta.labels(w, role);
        Meta.annotations(w, role);
        w.write(LEVEL_0, "PolicyRule:\n");
        w.write(LEVEL_1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
        w.write(LEVEL_1, "---------\t-----------------\t--------------\t-----\n");
        for (Rule r : rules) {
            w.write(LEVEL_1, combine(r.resources(), r.groups()) + "\t" + J.goSlice(r.urls()) + "\t" + J.goSlice(r.names())
                    + "\t" + J.goSlice(r.verbs()) + "\n");
        }
    }

    /** {@code rbac.BreakdownRule}: one rule per group, resource, verb and resource name; URLs per verb. */
    private static void breakdown(JsonNode rule, List<Rule> out) {
        List<String> verbs = J.strings(rule, "verbs");
        List<String> names = J.strings(rule, "resourceNames");
        for (String group : J.strings(rule, "apiGroups")) {
            for (String resource : J.strings(rule, "resources")) {
                for (String verb : verbs) {
                    if (names.isEmpty()) {
                        out.add(new Rule(List.of(verb), List.of(group), List.of(resource), List.of(), List.of()));
                    } else {
                        for (String name : names) {
                            out.add(new Rule(List.of(verb), List.of(group), List.of(resource), List.of(name), List.of()));
                        }
                    }
                }
            }
        }
        for (String url : J.strings(rule, "nonResourceURLs")) {
            for (String verb : verbs) {
                out.add(new Rule(List.of(verb), List.of(), List.of(), List.of(), List.of(url)));
            }
        }
    }

    /** {@code rbac.CompactRules}: rules on one group, resource and name gather their verbs. */
    private static List<Rule> compact(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        Map<List<String>, List<String>> simple = new LinkedHashMap<>();
        Map<List<String>, Rule> firsts = new LinkedHashMap<>();
        for (Rule r : rules) {
            boolean isSimple = r.names().size() <= 1 && r.urls().isEmpty() && r.groups().size() == 1 && r.resources().size() == 1;
            if (!isSimple) {
                out.add(r);
                continue;
            }
            List<String> key = List.of(r.groups().get(0), r.resources().get(0), r.names().isEmpty() ? "\u0000" : r.names().get(0));
            List<String> verbs = simple.computeIfAbsent(key, k -> new ArrayList<>());
            firsts.putIfAbsent(key, r);
            for (String v : r.verbs()) {
                if (!verbs.contains(v)) {
                    verbs.add(v);
                }
            }
        }
        for (Map.Entry<List<String>, Rule> e : firsts.entrySet()) {
            Rule r = e.getValue();
            out.add(new Rule(simple.get(e.getKey()), r.groups(), r.resources(), r.names(), r.urls()));
        }
        return out;
    }

    /** {@code CombineResourceGroup}: {@code deployments.apps}, {@code deployments.apps/scale}. */
    private static String combine(List<String> resources, List<String> groups) {
        if (resources.isEmpty()) {
            return "";
        }
        String[] parts = resources.get(0).split("/", 2);
        String combined = parts[0];
        if (!groups.isEmpty() && !groups.get(0).isEmpty()) {
            combined += "." + groups.get(0);
        }
        if (parts.length == 2) {
            combined += "/" + parts[1];
        }
        return combined;
    }

    static void binding(DescribeContext ctx, ObjectNode binding, PrefixWriter w) {
        Meta.name(w, binding);
        Meta.labels(w, binding);
        Meta.annotations(w, binding);
        w.write(LEVEL_0, "Role:\n");
        w.write(LEVEL_1, "Kind:\t" + J.str(binding, "roleRef", "kind") + "\n");
        w.write(LEVEL_1, "Name:\t" + J.str(binding, "roleRef", "name") + "\n");
        w.write(LEVEL_0, "Subjects:\n");
        w.write(LEVEL_1, "Kind\tName\tNamespace\n");
        w.write(LEVEL_1, "----\t----\t---------\n");
        for (JsonNode s : J.list(binding, "subjects")) {
            w.write(LEVEL_1, J.str(s, "kind") + "\t" + J.str(s, "name") + "\t" + J.str(s, "namespace") + "\n");
        }
    }
}
