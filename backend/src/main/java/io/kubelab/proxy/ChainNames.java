package io.kubelab.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * kube-proxy's chain names: a prefix and the first 16 characters of the base32 (RFC 4648, padded) SHA-256
 * of the service port name and protocol (and endpoint), so a chain keeps its name across restarts and
 * across nodes: {@code KUBE-SVC-NPX46M4PTMTKRN6Y} is {@code default/kubernetes:https} on every cluster.
 */
public final class ChainNames {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private ChainNames() {
    }

    public static String cluster(ServicePort port) {
        return "KUBE-SVC-" + hash(port.name() + port.protocol());
    }

    public static String local(ServicePort port) {
        return "KUBE-SVL-" + hash(port.name() + port.protocol());
    }

    public static String external(ServicePort port) {
        return "KUBE-EXT-" + hash(port.name() + port.protocol());
    }

    public static String firewall(ServicePort port) {
        return "KUBE-FW-" + hash(port.name() + port.protocol());
    }

    public static String endpoint(ServicePort port, ProxyEndpoint endpoint) {
        return "KUBE-SEP-" + hash(port.name() + port.protocol() + endpoint);
    }

    static String hash(String text) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder out = new StringBuilder(16);
        int buffer = 0;
        int bits = 0;
        for (byte b : digest) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < 16) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
            if (out.length() == 16) {
                break;
            }
        }
        return out.toString();
    }
}
