package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether one PolicyRule covers a request, exactly as {@code rbac/v1 evaluation_helpers.go} decides: {@code *}
 * matches any verb, group, resource or URL; a rule resource {@code pods/exec} matches only that subresource and
 * {@code pods} never matches {@code pods/exec}; {@code *&#47;scale} matches the scale subresource of anything;
 * an empty {@code resourceNames} matches every name; a URL ending in {@code *} matches by prefix.
 */
public final class PolicyRules {

    private PolicyRules() {
    }

    public static boolean allows(JsonNode rule, Attributes request) {
        if (!request.resourceRequest()) {
            return verbMatches(rule, request.verb()) && nonResourceUrlMatches(rule, request.path());
        }
        String combined = request.subresource().isEmpty()
                ? request.resource() : request.resource() + "/" + request.subresource();
        return verbMatches(rule, request.verb())
                && apiGroupMatches(rule, request.apiGroup())
                && resourceMatches(rule, combined, request.subresource())
                && resourceNameMatches(rule, request.name());
    }

    static boolean verbMatches(JsonNode rule, String verb) {
        for (String v : strings(rule, "verbs")) {
            if (v.equals("*") || v.equals(verb)) {
                return true;
            }
        }
        return false;
    }

    static boolean apiGroupMatches(JsonNode rule, String group) {
        for (String g : strings(rule, "apiGroups")) {
            if (g.equals("*") || g.equals(group)) {
                return true;
            }
        }
        return false;
    }

    static boolean resourceMatches(JsonNode rule, String combinedResource, String subresource) {
        for (String r : strings(rule, "resources")) {
            if (r.equals("*") || r.equals(combinedResource)) {
                return true;
            }
            // "*/<subresource>": the same length check as Kubernetes, so "*/scale" does not match "status"
            if (!subresource.isEmpty() && r.length() == subresource.length() + 2 && r.startsWith("*/")
                    && r.endsWith(subresource)) {
                return true;
            }
        }
        return false;
    }

    static boolean resourceNameMatches(JsonNode rule, String name) {
        List<String> names = strings(rule, "resourceNames");
        return names.isEmpty() || names.contains(name);
    }

    static boolean nonResourceUrlMatches(JsonNode rule, String path) {
        for (String url : strings(rule, "nonResourceURLs")) {
            if (url.equals("*") || url.equals(path)) {
                return true;
            }
            if (url.endsWith("*") && path.startsWith(trimTrailingStars(url))) {
                return true;
            }
        }
        return false;
    }

    /** A string list field of a rule; missing or null reads as empty. */
    public static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : node.path(field)) {
            out.add(item.asText());
        }
        return out;
    }

    // strings.TrimRight(url, "*") removes every trailing star, not just one
    private static String trimTrailingStars(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '*') {
            end--;
        }
        return url.substring(0, end);
    }
}
