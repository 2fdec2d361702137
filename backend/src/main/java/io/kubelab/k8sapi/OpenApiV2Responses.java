package io.kubelab.k8sapi;

import io.kubelab.apiserver.openapi.v2.OpenApiV2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /openapi/v2} as kube-openapi's handler answers it: the first entry of the {@code Accept} header
 * (by quality, then the more specific first) that names JSON or one of the two spellings of gnostic protobuf
 * picks the format, {@code *}{@code /*} meaning JSON; nothing acceptable is a bodiless 406. Every answer has
 * {@code Vary: Accept} and the document's ETag, and an {@code If-None-Match} naming it is a 304 (kubectl's
 * HTTP cache revalidates this way).
 */
final class OpenApiV2Responses {

    private static final String JSON_SUBTYPE = "json";
    private static final String PROTOBUF_DEPRECATED = "com.github.proto-openapi.spec.v2@v1.0+protobuf";
    private static final String PROTOBUF = "com.github.proto-openapi.spec.v2.v1.0+protobuf";
    private static final List<String> SUBTYPES = List.of(JSON_SUBTYPE, PROTOBUF_DEPRECATED, PROTOBUF);

    private OpenApiV2Responses() {
    }

    static KubeResponse answer(KubeRequest request) {
        List<String[]> headers = List.of(new String[]{"Vary", "Accept"}, new String[]{"Etag", OpenApiV2.etag()});
        for (MediaType clause : sorted(MediaType.parseAccept(request.header("accept")))) {
            String[] typeAndSub = clause.type().split("/", 2);
            String type = typeAndSub[0];
            String sub = typeAndSub.length > 1 ? typeAndSub[1] : "";
            if (!type.equals("application") && !type.equals("*")) {
                continue;
            }
            for (String accepted : SUBTYPES) {
                if (!sub.equals(accepted) && !sub.equals("*")) {
                    continue;
                }
                if (matches(request.header("if-none-match"), OpenApiV2.etag())) {
                    return new KubeResponse(304, contentType(accepted), headers, new byte[0]);
                }
                ByteBuffer body = accepted.equals(JSON_SUBTYPE) ? OpenApiV2.json() : OpenApiV2.protobuf();
                byte[] bytes = new byte[body.remaining()];
                body.get(bytes);
                return new KubeResponse(200, contentType(accepted), headers, bytes);
            }
        }
        return new KubeResponse(406, "text/plain; charset=utf-8", List.<String[]>of(new String[]{"Vary", "Accept"}),
                new byte[0]);
    }

    private static String contentType(String subtype) {
        return subtype.equals(JSON_SUBTYPE) ? KubeResponse.JSON : OpenApiV2.PROTOBUF;
    }

    /** goautoneg's order: higher quality first, then full types before {@code type/*} before {@code *}{@code /*}. */
    private static List<MediaType> sorted(List<MediaType> clauses) {
        List<MediaType> out = new ArrayList<>(clauses);
        out.sort(Comparator.comparingDouble(OpenApiV2Responses::quality).reversed()
                .thenComparingInt(OpenApiV2Responses::wildcards));
        return out;
    }

    private static double quality(MediaType clause) {
        try {
            return clause.params().containsKey("q") ? Double.parseDouble(clause.param("q")) : 1.0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int wildcards(MediaType clause) {
        return clause.type().equals("*/*") ? 2 : clause.type().endsWith("/*") ? 1 : 0;
    }

    /** Go's {@code checkIfNoneMatch}: {@code *} or any listed tag equal to ours, weak tags compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
