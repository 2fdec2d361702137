package io.kubelab.apiserver.fieldmanager;

import io.kubelab.apiserver.Status;
import io.kubelab.model.FieldErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** apimachinery's {@code NewConflictError}: the 409 an apply answers when other managers own what it changes. */
final class ApplyConflicts {

    static final String CAUSE = "FieldManagerConflict";

    /** One field another manager owns. */
    record Conflict(ManagedFields.Entry owner, String path) {
    }

    private ApplyConflicts() {
    }

    /** {@code printManager}: the name quoted, its subresource, and for an update the apiVersion it used. */
    static String describe(ManagedFields.Entry e) {
        String out = FieldErrors.goQuote(e.manager());
        if (!e.subresource().isEmpty()) {
            out += " with subresource " + FieldErrors.goQuote(e.subresource());
        }
        if (e.operation().equals(ManagedFields.UPDATE)) {
            out += " using " + e.apiVersion();
        }
        return out;
    }

    /** Conflicts in the order of their managers' identifiers, each manager's paths in field order. */
    static Status status(List<Conflict> conflicts) {
        List<Status.Cause> causes = new ArrayList<>();
        for (Conflict c : conflicts) {
            causes.add(new Status.Cause(CAUSE, "conflict with " + describe(c.owner()), c.path()));
        }
        return new Status(409, "Conflict", message(conflicts), Optional.of(new Status.Details("", "", "", causes, 0)));
    }

    private static String message(List<Conflict> conflicts) {
        if (conflicts.size() == 1) {
            Conflict c = conflicts.get(0);
            return "Apply failed with 1 conflict: conflict with " + describe(c.owner()) + ": " + c.path();
        }
        Map<String, List<Conflict>> byManager = new LinkedHashMap<>();
        conflicts.stream().sorted((a, b) -> a.owner().id().compareTo(b.owner().id()))
                .forEach(c -> byManager.computeIfAbsent(c.owner().id(), k -> new ArrayList<>()).add(c));
        List<String> lines = new ArrayList<>();
        byManager.values().forEach(list -> {
            lines.add("conflicts with " + describe(list.get(0).owner()) + ":");
            list.forEach(c -> lines.add("- " + c.path()));
        });
        return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
}
