package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NameValidation;
import io.kubelab.model.Quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A container's {@code resources}: resource names, non-negative quantities, requests not above limits
 * (and equal for resources that cannot be overcommitted), as {@code ValidateResourceRequirements} reports them.
 */
final class ResourceValidation {

    private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");

    private ResourceValidation() {
    }

    static List<FieldError> validate(JsonNode resources, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath limPath = path.child("limits");
        FieldPath reqPath = path.child("requests");
        Map<String, String> limits = Fields.stringMapOrEmpty(resources, "limits");
        Map<String, String> requests = Fields.stringMapOrEmpty(resources, "requests");
        limits.forEach((name, q) -> {
            errs.addAll(resourceName(name, limPath.key(name)));
            errs.addAll(nonNegative(q, limPath.key(name)));
        });
        requests.forEach((name, q) -> {
            errs.addAll(resourceName(name, reqPath.key(name)));
            errs.addAll(nonNegative(q, reqPath.key(name)));
            String limit = limits.get(name);
            if (limit != null) {
                Optional<BigDecimal> have = parse(q);
                Optional<BigDecimal> max = parse(limit);
                if (have.isPresent() && max.isPresent()) {
                    int cmp = have.get().compareTo(max.get());
                    if (cmp != 0 && !overcommitAllowed(name)) {
                        errs.add(FieldError.invalid(reqPath, q, "must be equal to " + name + " limit of " + limit));
                    } else if (cmp > 0) {
                        errs.add(FieldError.invalid(reqPath, q, "must be less than or equal to " + name + " limit of " + limit));
                    }
                }
            } else if (!overcommitAllowed(name)) {
                errs.add(FieldError.required(limPath, "Limit must be set for non overcommitable resources"));
            }
        });
        return errs;
    }

    /** Native resources (no domain, or kubernetes.io/) may be overcommitted, except hugepages. */
    private static boolean overcommitAllowed(String name) {
        boolean nativeResource = !name.contains("/") || name.contains("kubernetes.io/");
        return nativeResource && !name.startsWith("hugepages-");
    }

    private static List<FieldError> resourceName(String name, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(NameValidation.qualifiedName(name).stream()
                .map(m -> FieldError.invalid(path, name, m)).toList());
        if (errs.isEmpty() && !name.contains("/") && !STANDARD_CONTAINER_RESOURCES.contains(name)
                && !name.startsWith("hugepages-")) {
            errs.add(FieldError.invalid(path, name, "must be a standard resource for containers"));
        }
        return errs;
    }

    private static List<FieldError> nonNegative(String quantity, FieldPath path) {
        return parse(quantity).filter(q -> q.signum() < 0)
                .map(q -> List.of(FieldError.invalid(path, quantity, Common.IS_NEGATIVE))).orElse(List.of());
    }

    /** The amount, or empty when the text is not a quantity (the decoder reports those before validation). */
    static Optional<BigDecimal> parse(String text) {
        try {
            return Optional.of(Quantity.parse(text).amount());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
