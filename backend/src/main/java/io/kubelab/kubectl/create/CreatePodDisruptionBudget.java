package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.LabelSelector;

import java.util.List;
import java.util.TreeMap;

/** {@code kubectl create poddisruptionbudget NAME --selector=... --min-available=N|--max-unavailable=N}. */
final class CreatePodDisruptionBudget extends GeneratorCommand {

    @Override
    public String name() {
        return "poddisruptionbudget";
    }

    @Override
    public List<String> aliases() {
        return List.of("pdb");
    }

    @Override
    public String summary() {
        return "Create a pod disruption budget with the specified name";
    }

    @Override
    public String description() {
        return "Create a pod disruption budget with the specified name, selector, and desired minimum available pods.";
    }

    @Override
    public String usage() {
        return "kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Keep at least one pod labelled app=web available during voluntary disruptions
                  kubectl create pdb web --selector=app=web --min-available=1

                  # Allow at most half of them to be down at once
                  kubectl create pdb web --selector=app=web --max-unavailable=50%
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.string("max-unavailable", "", "", "The maximum number or percentage of unavailable pods this budget requires."))
                .add(Flag.string("min-available", "", "", "The minimum number or percentage of available pods this budget requires."))
                .add(Flag.string("selector", "", "", "A label selector to use for this budget. Only equality-based selector requirements are supported."));
    }

    @Override
    protected String apiVersion() {
        return "policy/v1";
    }

    @Override
    protected String kind() {
        return "PodDisruptionBudget";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        String selector = flags.string("selector");
        String min = flags.string("min-available");
        String max = flags.string("max-unavailable");
        if (selector.isEmpty()) {
            throw KubectlException.error("a selector must be specified");
        }
        if (min.isEmpty() && max.isEmpty()) {
            throw KubectlException.error("one of min-available or max-unavailable must be specified");
        }
        if (!min.isEmpty() && !max.isEmpty()) {
            throw KubectlException.error("min-available and max-unavailable cannot be both specified");
        }
        if (!min.isEmpty() && !countOrPercent(min)) {
            throw KubectlException.error("invalid format specified for min-available");
        }
        if (!max.isEmpty() && !countOrPercent(max)) {
            throw KubectlException.error("invalid format specified for max-unavailable");
        }
        ObjectNode pdb = Typed.object(apiVersion(), kind(), name, namespace);
        ObjectNode spec = pdb.putObject("spec");
        if (!min.isEmpty()) {
            putIntOrString(spec, "minAvailable", min);
        }
        spec.set("selector", selector(selector));
        if (!max.isEmpty()) {
            putIntOrString(spec, "maxUnavailable", max);
        }
        ObjectNode status = pdb.putObject("status");
        status.put("disruptionsAllowed", 0).put("currentHealthy", 0).put("desiredHealthy", 0).put("expectedPods", 0);
        return pdb;
    }

    private static boolean countOrPercent(String value) {
        String digits = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void putIntOrString(ObjectNode spec, String field, String value) {
        if (value.endsWith("%")) {
            spec.put(field, value);
        } else if (value.length() > 10 || Long.parseLong(value) > Integer.MAX_VALUE) {
            // intstr.Parse reads an int32: a larger number stays a string.
            spec.put(field, value);
        } else {
            spec.put(field, Integer.parseInt(value));
        }
    }

    /** apimachinery's {@code ParseToLabelSelector}: equalities become matchLabels, set requirements matchExpressions. */
    private static ObjectNode selector(String text) throws KubectlException {
        LabelSelector parsed;
        try {
            parsed = LabelSelector.parse(text);
        } catch (IllegalArgumentException e) {
            throw KubectlException.error(e.getMessage());
        }
        TreeMap<String, String> labels = new TreeMap<>();
        ArrayNode expressions = Typed.node().arrayNode();
        for (LabelSelector.Requirement r : parsed.requirements()) {
            switch (r.operator()) {
                case EQUALS, DOUBLE_EQUALS -> labels.put(r.key(), r.values().get(0));
                case IN, NOT_IN, EXISTS, DOES_NOT_EXIST -> {
                    ObjectNode e = expressions.addObject();
                    e.put("key", r.key());
                    e.put("operator", switch (r.operator()) {
                        case IN -> "In";
                        case NOT_IN -> "NotIn";
                        case EXISTS -> "Exists";
                        default -> "DoesNotExist";
                    });
                    if (!r.values().isEmpty()) {
                        e.set("values", Typed.strings(r.values()));
                    }
                }
                default -> throw KubectlException.error("\"" + operatorWord(r.operator()) + "\" is not a valid label "
                        + "selector operator");
            }
        }
        ObjectNode selector = Typed.node();
        if (!labels.isEmpty()) {
            ObjectNode matchLabels = selector.putObject("matchLabels");
            labels.forEach(matchLabels::put);
        }
        if (!expressions.isEmpty()) {
            selector.set("matchExpressions", expressions);
        }
        return selector;
    }

    private static String operatorWord(LabelSelector.Operator operator) {
        return switch (operator) {
            case NOT_EQUALS -> "!=";
            case GREATER_THAN -> "gt";
            default -> "lt";
        };
    }
}
