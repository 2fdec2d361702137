package io.kubelab.apiserver.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * IP addresses and CIDRs as k8s.io/utils/net's "sloppy" parsers read them (IPv4 parts may carry leading
 * zeros, as Go 1.16 and earlier allowed), plus apimachinery 1.32's IP validation messages.
 */
final class IpAddresses {

    static final String INVALID_IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
    static final String INVALID_CIDR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    private IpAddresses() {
    }

    /** The 16-byte form (IPv4 as IPv4-mapped IPv6, as Go keeps it), or null when not an address. */
    static byte[] parse(String s) {
        if (s.indexOf(':') < 0) {
            byte[] v4 = parseV4(s);
            return v4 == null ? null : mapped(v4);
        }
        return parseV6(s);
    }

    /** Go's {@code ip.To4() != nil}: an IPv4 address, or an IPv4-mapped IPv6 one. */
    static boolean isV4(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }

    /** {@code IsValidIP} of 1.32. */
    static List<FieldError> validIp(String value, FieldPath path) {
        return parse(value) == null ? List.of(FieldError.invalid(path, value, INVALID_IP)) : List.of();
    }

    /** {@code IsValidCIDR} of 1.32. */
    static List<FieldError> validCidr(String value, FieldPath path) {
        return parseCidr(value) == null ? List.of(FieldError.invalid(path, value, INVALID_CIDR)) : List.of();
    }

    /** A CIDR: the masked network address (16 bytes) and the prefix length counted on that form; null when invalid. */
    record Cidr(byte[] network, int bits, boolean v4) {
        boolean contains(byte[] ip) {
            int total = v4 ? bits + 96 : bits;
            for (int i = 0; i < total; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (ip[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static Cidr parseCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String addr = s.substring(0, slash);
        String len = s.substring(slash + 1);
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
            return null;
        }
        byte[] ip = parse(addr);
        if (ip == null) {
            return null;
        }
        boolean v4 = addr.indexOf(':') < 0;
        int bits = Integer.parseInt(len);
        if (bits > (v4 ? 32 : 128)) {
            return null;
        }
        byte[] network = ip.clone();
        int total = v4 ? bits + 96 : bits;
        for (int i = total; i < 128; i++) {
            network[i / 8] &= (byte) ~(0x80 >> (i % 8));
        }
        return new Cidr(network, bits, v4);
    }

    private static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] mapped(byte[] v4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(v4, 0, out, 12, 4);
        return out;
    }

    private static byte[] parseV6(String s) {
        int ellipsis = s.indexOf("::");
        if (ellipsis >= 0 && s.indexOf("::", ellipsis + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(ellipsis < 0 ? s : s.substring(0, ellipsis));
        List<Integer> tail = ellipsis < 0 ? List.of() : groups(s.substring(ellipsis + 2));
        if (head == null || tail == null) {
            return null;
        }
        int n = head.size() + tail.size();
        if (ellipsis < 0 ? n != 8 : n > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            out[2 * i] = (byte) (head.get(i) >> 8);
            out[2 * i + 1] = (byte) (int) head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            int at = 8 - tail.size() + i;
            out[2 * at] = (byte) (tail.get(i) >> 8);
            out[2 * at + 1] = (byte) (int) tail.get(i);
        }
        return out;
    }

    /** Colon-separated 16-bit groups; a trailing dotted IPv4 counts as two. Null when malformed. */
    private static List<Integer> groups(String s) {
        List<Integer> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.contains(".")) {
                byte[] v4 = parseV4(p);
                if (v4 == null) {
                    return null;
                }
                out.add((v4[0] & 0xff) << 8 | v4[1] & 0xff);
                out.add((v4[2] & 0xff) << 8 | v4[3] & 0xff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            out.add(Integer.parseInt(p, 16));
        }
        return out;
    }
}
