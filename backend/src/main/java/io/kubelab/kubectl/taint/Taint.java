package io.kubelab.kubectl.taint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.model.FieldErrors;
import io.kubelab.model.NameValidation;

import java.util.List;

/** One taint of a node ({@code key=value:Effect}), as kubectl's taint arguments spell it. */
record Taint(String key, String value, String effect) {

    static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    static Taint of(JsonNode taint) {
        return new Taint(taint.path("key").asText(""), taint.path("value").asText(""), taint.path("effect").asText(""));
    }

    /**
     * kubectl's parseTaint: {@code key=value:effect}, {@code key:effect} or {@code key}, with a known
     * effect, a valid label value and a qualified-name key; its errors are usage errors.
     */
    static Taint parse(String spec) throws BadSpec {
        String[] parts = spec.split(":", -1);
        String key;
        String value = "";
        String effect = "";
        switch (parts.length) {
            case 1 -> key = parts[0];
            case 2 -> {
                effect = parts[1];
                if (!EFFECTS.contains(effect)) {
                    throw new BadSpec("invalid taint effect: " + effect + ", unsupported taint effect");
                }
                String[] kv = parts[0].split("=", -1);
                if (kv.length > 2) {
                    throw new BadSpec("invalid taint spec: " + spec);
                }
                key = kv[0];
                if (kv.length == 2) {
                    value = kv[1];
                    List<String> errs = NameValidation.labelValue(value);
                    if (!errs.isEmpty()) {
                        throw new BadSpec("invalid taint spec: " + spec + ", " + String.join("; ", errs));
                    }
                }
            }
            default -> throw new BadSpec("invalid taint spec: " + spec);
        }
        List<String> errs = NameValidation.qualifiedName(key);
        if (!errs.isEmpty()) {
            throw new BadSpec("invalid taint spec: " + spec + ", " + String.join("; ", errs));
        }
        return new Taint(key, value, effect);
    }

    /** A refused taint argument; kubectl reports it as a usage error. */
    static final class BadSpec extends Exception {
        BadSpec(String message) {
            super(message, null, false, false);
        }

        KubectlException usage(String commandPath) {
            return KubectlException.usageHelp(commandPath, getMessage());
        }
    }

    /** Same key and effect: the identity of a taint on a node. */
    boolean matches(Taint other) {
        return key.equals(other.key) && effect.equals(other.effect);
    }

    /** corev1's Taint.ToString: {@code key=value:effect} with the empty parts left out. */
    @Override
    public String toString() {
        if (effect.isEmpty()) {
            return value.isEmpty() ? key : key + "=" + value + ":";
        }
        return value.isEmpty() ? key + ":" + effect : key + "=" + value + ":" + effect;
    }

    /** Go's {@code %v} of the struct, as kubectl's duplicate message prints it. */
    String goValue() {
        return "{" + key + " " + value + " " + effect + " <nil>}";
    }

    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("key", key);
        if (!value.isEmpty()) {
            out.put("value", value);
        }
        out.put("effect", effect);
        return out;
    }

    String quoted() {
        return FieldErrors.goQuote(toString());
    }
}
