package io.kubelab.apiserver;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Cluster IPs from 10.96.0.0/12 and node ports from 30000-32767, with the API server's messages when a
 * requested one is out of range or taken. Allocation state is the stored services themselves, so a
 * rebuilt sandbox allocates exactly as before.
 */
final class ServiceAllocator {

    static final String SERVICE_CIDR = "10.96.0.0/12";
    private static final long BASE = (10L << 24) | (96L << 16);
    private static final long SIZE = 1L << 20;
    /** Kubernetes keeps the low band for static addresses (like kube-dns's .10) and picks dynamic ones above. */
    private static final long STATIC_BAND = 256;
    static final int NODE_PORT_MIN = 30000;
    static final int NODE_PORT_MAX = 32767;

    private ServiceAllocator() {
    }

    static String clusterIp(String requested, Set<String> used, RandomGenerator random) {
        if (!requested.isEmpty()) {
            long address = parse(requested);
            if (address < 0) {
                throw invalidIp(requested, "failed to allocate IP " + requested + ": the provided IP ("
                        + requested + ") is not a valid IP");
            }
            if (address <= BASE || address >= BASE + SIZE - 1) {
                throw invalidIp(requested, "failed to allocate IP " + requested + ": the provided IP (" + requested
                        + ") is not in the valid range. The range of valid IPs is " + SERVICE_CIDR);
            }
            if (used.contains(requested)) {
                throw invalidIp(requested, "failed to allocate IP " + requested + ": provided IP is already allocated");
            }
            return requested;
        }
        for (int attempt = 0; attempt < 10_000; attempt++) {
            long offset = STATIC_BAND + random.nextLong(SIZE - STATIC_BAND - 1);
            String ip = format(BASE + offset);
            if (!used.contains(ip)) {
                return ip;
            }
        }
        throw new StatusException(Status.internalError("failed to allocate a serviceIP: range is full"));
    }

    static int nodePort(int requested, Set<Integer> used, RandomGenerator random, int index) {
        String field = "spec.ports[" + index + "].nodePort";
        if (requested != 0) {
            if (requested < NODE_PORT_MIN || requested > NODE_PORT_MAX) {
                throw invalid(field, requested, "provided port is not in the valid range. The range of valid ports is "
                        + NODE_PORT_MIN + "-" + NODE_PORT_MAX);
            }
            if (used.contains(requested)) {
                throw invalid(field, requested, "provided port is already allocated");
            }
            return requested;
        }
        for (int attempt = 0; attempt < 100_000; attempt++) {
            int port = NODE_PORT_MIN + random.nextInt(NODE_PORT_MAX - NODE_PORT_MIN + 1);
            if (!used.contains(port)) {
                return port;
            }
        }
        throw new StatusException(Status.internalError("failed to allocate a nodePort: range is full"));
    }

    private static InvalidObject invalidIp(String ip, String detail) {
        return new InvalidObject(List.of(new Status.Cause("FieldValueInvalid",
                "Invalid value: []string{\"" + ip + "\"}: " + detail, "spec.clusterIPs")));
    }

    private static InvalidObject invalid(String field, int port, String detail) {
        return new InvalidObject(List.of(new Status.Cause("FieldValueInvalid",
                "Invalid value: " + port + ": " + detail, field)));
    }

    static long parse(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long out = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return -1;
            }
            out = (out << 8) | value;
        }
        return out;
    }

    static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
