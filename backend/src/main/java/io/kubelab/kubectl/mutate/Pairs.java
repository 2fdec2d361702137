package io.kubelab.kubectl.mutate;

import io.kubelab.kubectl.KubectlException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubectl's {@code KEY=VALUE} and {@code KEY-} arguments (label, annotate, set env, taint): where the
 * resource arguments end and the changes begin, and the changes themselves.
 */
public final class Pairs {

    /** The resource words before the changes, and the changes. */
    public record Split(List<String> resources, List<String> pairs) {
    }

    /** New values in the order given (a later one for the same key wins) and keys to remove. */
    public record Changes(Map<String, String> set, List<String> remove) {
        public boolean isEmpty() {
            return set.isEmpty() && remove.isEmpty();
        }
    }

    private Pairs() {
    }

    /** cmdutil's GetResourcesAndPairs: every resource word must come before the first change. */
    public static Split split(List<String> args, String pairType) throws KubectlException {
        List<String> resources = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (String s : args) {
            boolean pair = (s.contains("=") && s.charAt(0) != '=') || (s.endsWith("-") && !s.equals("-"));
            if (pair) {
                pairs.add(s);
            } else if (!pairs.isEmpty()) {
                throw KubectlException.error("all resources must be specified before " + pairType + " changes: " + s);
            } else {
                resources.add(s);
            }
        }
        return new Split(resources, pairs);
    }

    /** cmdutil's ParsePairs: {@code KEY=VALUE} (split at the first {@code =}) and, if allowed, {@code KEY-}. */
    public static Changes parse(List<String> pairs, String pairType, boolean supportRemove) throws KubectlException {
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String pair : pairs) {
            if (pair.contains("=") && pair.charAt(0) != '=') {
                int eq = pair.indexOf('=');
                set.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else if (supportRemove && pair.endsWith("-") && !pair.equals("-")) {
                remove.add(pair.substring(0, pair.length() - 1));
            } else {
                invalid.add(pair);
            }
        }
        if (!invalid.isEmpty()) {
            throw KubectlException.error("invalid " + pairType + " format: " + String.join(", ", invalid));
        }
        return new Changes(set, remove);
    }
}
