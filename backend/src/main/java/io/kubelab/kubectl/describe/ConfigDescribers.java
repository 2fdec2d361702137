package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceTypes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;

/** kubectl's ConfigMap, Secret and ServiceAccount describers. */
final class ConfigDescribers {

    private static final String SA_TOKEN_TYPE = "kubernetes.io/service-account-token";
    private static final String SA_NAME_KEY = "kubernetes.io/service-account.name";
    private static final String SA_UID_KEY = "kubernetes.io/service-account.uid";
    private static final String TOKEN_KEY = "token";
    /** The three ServiceAccount headers, padded to one width, in the sorted order kubectl prints them. */
    private static final String PULL_HEADER = "Image pull secrets:";
    private static final String MOUNT_HEADER = "Mountable secrets: ";
    private static final String TOKEN_HEADER = "Tokens:            ";
    private static final String EMPTY_HEADER = "                   ";

    private ConfigDescribers() {
    }

    static void configMap(DescribeContext ctx, ObjectNode cm, PrefixWriter w) {
        Meta.name(w, cm);
        Meta.namespace(w, cm);
        Meta.labels(w, cm);
        Meta.annotations(w, cm);
        w.write(LEVEL_0, "\nData\n====\n");
        for (Map.Entry<String, String> e : J.map(cm, "data").entrySet()) {
            w.write(LEVEL_0, e.getKey() + ":\n----\n");
            w.write(LEVEL_0, e.getValue() + "\n");
            w.write(LEVEL_0, "\n");
        }
        w.write(LEVEL_0, "\nBinaryData\n====\n");
        for (Map.Entry<String, String> e : J.map(cm, "binaryData").entrySet()) {
            w.write(LEVEL_0, e.getKey() + ": " + decodedLength(e.getValue()) + " bytes\n");
        }
        w.write(LEVEL_0, "\n");
        EventsSection.write(EventsSection.about(ctx, cm), w, ctx.now());
    }

    static void secret(DescribeContext ctx, ObjectNode secret, PrefixWriter w) {
        Meta.name(w, secret);
        Meta.namespace(w, secret);
        Meta.labels(w, secret);
        Meta.annotations(w, secret);
        String type = J.str(secret, "type");
        w.write(LEVEL_0, "\nType:\t" + type + "\n");
        w.write(LEVEL_0, "\nData\n====\n");
        for (Map.Entry<String, String> e : J.map(secret, "data").entrySet()) {
            if (e.getKey().equals(TOKEN_KEY) && type.equals(SA_TOKEN_TYPE)) {
                w.write(LEVEL_0, e.getKey() + ":\t" + new String(decode(e.getValue()), StandardCharsets.UTF_8) + "\n");
            } else {
                w.write(LEVEL_0, e.getKey() + ":\t" + decodedLength(e.getValue()) + " bytes\n");
            }
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static int decodedLength(String base64) {
        return decode(base64).length;
    }

    static void serviceAccount(DescribeContext ctx, ObjectNode sa, PrefixWriter w) {
        String name = J.str(sa, "metadata", "name");
        String uid = J.str(sa, "metadata", "uid");
        List<String> tokens = new ArrayList<>();
        Set<String> missing = new HashSet<>();
        try {
            Set<String> existing = new HashSet<>();
            for (JsonNode s : Fetch.list(ctx, ResourceTypes.of("v1", "Secret"), J.str(sa, "metadata", "namespace"), "", "")) {
                if (J.str(s, "type").equals(SA_TOKEN_TYPE)
                        && J.str(s, "metadata", "annotations", SA_NAME_KEY).equals(name)
                        && J.str(s, "metadata", "annotations", SA_UID_KEY).equals(uid)) {
                    tokens.add(J.str(s, "metadata", "name"));
                }
                existing.add(J.str(s, "metadata", "name"));
            }
            for (String field : new String[]{"secrets", "imagePullSecrets"}) {
                for (JsonNode ref : J.list(sa, field)) {
                    if (!existing.contains(J.str(ref, "name"))) {
                        missing.add(J.str(ref, "name"));
                    }
                }
            }
        } catch (StatusException e) {
            // kubectl describes the account even when its secrets cannot be listed.
        }
        Optional<List<JsonNode>> events = EventsSection.about(ctx, sa);
        Meta.name(w, sa);
        Meta.namespace(w, sa);
        Meta.labels(w, sa);
        Meta.annotations(w, sa);
        names(w, PULL_HEADER, refNames(sa, "imagePullSecrets"), missing);
        names(w, MOUNT_HEADER, refNames(sa, "secrets"), missing);
        names(w, TOKEN_HEADER, tokens, missing);
        EventsSection.write(events, w, ctx.now());
    }

    private static List<String> refNames(JsonNode sa, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode ref : J.list(sa, field)) {
            out.add(J.str(ref, "name"));
        }
        return out;
    }

    private static void names(PrefixWriter w, String header, List<String> names, Set<String> missing) {
        if (names.isEmpty()) {
            w.write(LEVEL_0, header + "\t<none>\n");
            return;
        }
        String prefix = header;
        for (String n : names) {
            w.write(LEVEL_0, prefix + "\t" + n + (missing.contains(n) ? " (not found)" : "") + "\n");
            prefix = EMPTY_HEADER;
        }
    }
}
