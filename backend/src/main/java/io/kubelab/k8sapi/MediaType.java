package io.kubelab.k8sapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of an {@code Accept} or {@code Content-Type} header: {@code application/json;as=Table;v=v1;g=meta.k8s.io}
 * is type {@code application/json} with the parameters {@code as}, {@code v} and {@code g}.
 */
record MediaType(String type, Map<String, String> params) {

    static final String JSON = "application/json";
    static final String YAML = "application/yaml";
    static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    /** The entries of an {@code Accept} header in the client's order; no header means {@code *}{@code /*}. */
    static List<MediaType> parseAccept(String header) {
        List<MediaType> all = new ArrayList<>();
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                all.add(parse(part));
            }
        }
        if (all.isEmpty()) {
            all.add(new MediaType("*/*", Map.of()));
        }
        return all;
    }

    static MediaType parse(String text) {
        String[] parts = text.split(";");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                params.put(parts[i].substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        unquote(parts[i].substring(eq + 1).strip()));
            }
        }
        return new MediaType(parts[0].strip().toLowerCase(Locale.ROOT), params);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** Whether a plain JSON answer satisfies this entry. */
    boolean acceptsJson() {
        return params.get("as") == null && (type.equals(JSON) || type.equals("*/*") || type.equals("application/*"));
    }

    boolean acceptsYaml() {
        return params.get("as") == null && type.equals(YAML);
    }

    /** A request for a converted form ({@code as=Table}, {@code as=APIGroupDiscoveryList}...) in JSON. */
    boolean asForm(String form, String group) {
        return type.equals(JSON) && form.equals(params.get("as")) && group.equals(params.get("g"));
    }
}
