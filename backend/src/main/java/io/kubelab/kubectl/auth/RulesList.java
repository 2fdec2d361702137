package io.kubelab.kubectl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.cli.TabWriter;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code kubectl auth can-i --list}: the rules a SelfSubjectRulesReview returns, broken down to one
 * resource each, merged again where only the verbs differ, and sorted, as kubectl's rbac helpers do.
 */
final class RulesList {

    private RulesList() {
    }

    static void print(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        ObjectNode review = JsonNodeFactory.instance.objectNode();
        review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectRulesReview");
        review.putObject("metadata").putNull("creationTimestamp");
        review.putObject("spec").put("namespace", ctx.namespace());
        JsonNode status;
        try {
            status = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.CREATE,
                    ResourceTypes.of("authorization.k8s.io/v1", "SelfSubjectRulesReview"), "", "").withBody(review))
                    .body().path("status");
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        Map<String, TreeSet<String>> verbsByRow = new LinkedHashMap<>();
        for (JsonNode rule : status.path("resourceRules")) {
            List<String> names = strings(rule.path("resourceNames"));
            for (String group : strings(rule.path("apiGroups"))) {
                for (String resource : strings(rule.path("resources"))) {
                    String combined = group.isEmpty() ? resource : resource + "." + group;
                    verbsByRow.computeIfAbsent(combined + "\t[]\t" + list(names), k -> new TreeSet<>())
                            .addAll(strings(rule.path("verbs")));
                }
            }
        }
        for (JsonNode rule : status.path("nonResourceRules")) {
            verbsByRow.computeIfAbsent("\t" + list(strings(rule.path("nonResourceURLs"))) + "\t[]", k -> new TreeSet<>())
                    .addAll(strings(rule.path("verbs")));
        }
        List<String> rows = new ArrayList<>();
        verbsByRow.forEach((row, verbs) -> rows.add(row + "\t" + list(new ArrayList<>(verbs))));
        rows.sort(null);
        TabWriter table = new TabWriter();
        if (!flags.bool("no-headers")) {
            table.row("Resources", "Non-Resource URLs", "Resource Names", "Verbs");
        }
        for (String row : rows) {
            table.row(row.split("\t", -1));
        }
        ctx.out().append(table.flush());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Go's {@code %v} of a string slice. */
    private static String list(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }
}
