package io.kubelab.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The order Kubernetes lists endpoint ports in. Both controllers sort ports by a hash of the port as
 * go-spew prints it ({@code %#v}, the format of {@code hashutil.DeepHashObject}): MD5 for Endpoints
 * ({@code portsByHash}), FNV-128a for EndpointSlices ({@code portsInOrder}). The printed form is
 * reproduced here so that our order is theirs, e.g. CoreDNS's {@code dns-tcp, dns, metrics}.
 */
public final class PortHash {

    private PortHash() {
    }

    /** A core/v1 {@code EndpointPort}: Name, Port, Protocol, AppProtocol. */
    /** Ports repeat (the same few per service, in every sandbox): each printed form is hashed once. */
    private static final int MEMO_LIMIT = 10_000;
    private static final java.util.Map<String, String> MEMO = new java.util.concurrent.ConcurrentHashMap<>();

    private static String memo(String text, java.util.function.Function<String, String> hash) {
        String known = MEMO.get(text);
        if (known != null) {
            return known;
        }
        if (MEMO.size() >= MEMO_LIMIT) {
            MEMO.clear();
        }
        String computed = hash.apply(text);
        MEMO.put(text, computed);
        return computed;
    }

    public static String endpointsPort(JsonNode port) {
        String text = "(v1.EndpointPort){Name:(string)" + port.path("name").asText("")
                + " Port:(int32)" + port.path("port").asInt()
                + " Protocol:(v1.Protocol)" + port.path("protocol").asText("")
                + " AppProtocol:(*string)" + optional(port.path("appProtocol")) + "}";
        return memo(text, PortHash::md5);
    }

    /** A discovery/v1 {@code EndpointPort}: pointers throughout, Name, Protocol, Port, AppProtocol. */
    public static String slicePort(JsonNode port) {
        String text = "(v1.EndpointPort){Name:(*string)" + optional(port.path("name"))
                + " Protocol:(*v1.Protocol)" + optional(port.path("protocol"))
                + " Port:(*int32)" + (port.has("port") ? port.path("port").asText() : "<nil>")
                + " AppProtocol:(*string)" + optional(port.path("appProtocol")) + "}";
        return memo(text, PortHash::fnv128a);
    }

    private static String optional(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "<nil>" : value.asText();
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final BigInteger FNV_OFFSET = new BigInteger("6c62272e07bb014262b821756295c58d", 16);
    private static final BigInteger FNV_PRIME = new BigInteger("0000000001000000000000000000013B", 16);
    private static final BigInteger MASK = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    static String fnv128a(String text) {
        BigInteger hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = hash.xor(BigInteger.valueOf(b & 0xff)).multiply(FNV_PRIME).and(MASK);
        }
        String hex = hash.toString(16);
        return "0".repeat(32 - hex.length()) + hex;
    }
}
