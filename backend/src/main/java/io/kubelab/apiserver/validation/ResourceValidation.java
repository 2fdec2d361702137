package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NameValidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's {@code resources}: resource names, non-negative quantities, requests not above limits
 * (and equal for resources that cannot be overcommitted), as {@code ValidateResourceRequirements} reports them.
 */
final class ResourceValidation {

    private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([eE][+-]?[0-9]+|[numkMGTPE]|Ki|Mi|Gi|Ti|Pi|Ei)?$");

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

    /** Just enough of resource.Quantity to compare two amounts; empty when the text is not one we understand. */
    static Optional<BigDecimal> parse(String text) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String suffix = m.group(2) == null ? "" : m.group(2);
        if (suffix.startsWith("e") || suffix.startsWith("E")) {
            return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
        }
        return Optional.of(switch (suffix) {
            case "n" -> number.scaleByPowerOfTen(-9);
            case "u" -> number.scaleByPowerOfTen(-6);
            case "m" -> number.scaleByPowerOfTen(-3);
            case "k" -> number.scaleByPowerOfTen(3);
            case "M" -> number.scaleByPowerOfTen(6);
            case "G" -> number.scaleByPowerOfTen(9);
            case "T" -> number.scaleByPowerOfTen(12);
            case "P" -> number.scaleByPowerOfTen(15);
            case "E" -> number.scaleByPowerOfTen(18);
            case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti" -> number.multiply(BigDecimal.valueOf(1L << 40));
            case "Pi" -> number.multiply(BigDecimal.valueOf(1L << 50));
            case "Ei" -> number.multiply(BigDecimal.valueOf(1L << 60));
            default -> number;
        });
    }
}
