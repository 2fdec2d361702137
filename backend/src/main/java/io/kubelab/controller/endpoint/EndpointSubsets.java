package io.kubelab.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Endpoints object's {@code subsets} as {@code endpoints.RepackSubsets} shapes them: addresses that
 * offer the same ports share a subset, ready and not-ready side by side; addresses sorted by IP (then
 * pod uid), ports by their hash. Also {@code truncateEndpoints} for services past 1000 addresses.
 */
public final class EndpointSubsets {

    /** {@code maxCapacity}. */
    public static final int MAX_CAPACITY = 1000;
    /** {@code v1.EndpointsOverCapacity} and the value the controller writes. */
    public static final String OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";
    public static final String TRUNCATED = "truncated";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One address offering one port (or no port: headless services without ports). */
    private record Offer(ObjectNode address, boolean ready, ObjectNode port) {
    }

    private final List<Offer> offers = new ArrayList<>();

    /** Adds an address with the ports it offers; no ports for a port-less headless service. */
    public void add(ObjectNode address, boolean ready, List<ObjectNode> ports) {
        if (ports.isEmpty()) {
            offers.add(new Offer(address, ready, null));
        }
        for (ObjectNode port : ports) {
            offers.add(new Offer(address, ready, port));
        }
    }

    /** The repacked, sorted subsets (empty when no pod counts). */
    public ArrayNode build() {
        // port -> the set of addresses (with readiness) offering it
        Map<String, ObjectNode> portByKey = new LinkedHashMap<>();
        Map<String, TreeMap<String, Offer>> addressesByPort = new LinkedHashMap<>();
        for (Offer offer : offers) {
            String portKey = offer.port() == null ? "<none>" : offer.port().toString();
            portByKey.putIfAbsent(portKey, offer.port());
            addressesByPort.computeIfAbsent(portKey, k -> new TreeMap<>())
                    .put(addressKey(offer.address()), offer);
        }
        // address set -> its ports
        Map<String, List<ObjectNode>> portsBySet = new LinkedHashMap<>();
        Map<String, TreeMap<String, Offer>> setByKey = new LinkedHashMap<>();
        addressesByPort.forEach((portKey, addresses) -> {
            StringBuilder setKey = new StringBuilder();
            addresses.forEach((k, o) -> setKey.append(k).append(o.ready()).append(';'));
            setByKey.putIfAbsent(setKey.toString(), addresses);
            List<ObjectNode> ports = portsBySet.computeIfAbsent(setKey.toString(), k -> new ArrayList<>());
            if (portByKey.get(portKey) != null) {
                ports.add(portByKey.get(portKey));
            }
        });
        List<ObjectNode> subsets = new ArrayList<>();
        portsBySet.forEach((setKey, ports) -> {
            ObjectNode subset = JSON.objectNode();
            ArrayNode ready = JSON.arrayNode();
            ArrayNode notReady = JSON.arrayNode();
            setByKey.get(setKey).values().stream().sorted(Comparator.comparing(EndpointSubsets::sortKey))
                    .forEach(o -> (o.ready() ? ready : notReady).add(o.address()));
            if (!ready.isEmpty()) {
                subset.set("addresses", ready);
            }
            if (!notReady.isEmpty()) {
                subset.set("notReadyAddresses", notReady);
            }
            if (!ports.isEmpty()) {
                ArrayNode sorted = subset.putArray("ports");
                ports.stream().sorted(Comparator.comparing(PortHash::endpointsPort)).forEach(sorted::add);
            }
            subsets.add(subset);
        });
        // Kubernetes orders subsets by a hash of the whole subset; one subset is the usual case, and for
        // more we keep a stable order of our own (documented in docs/endpoints-and-gc.md).
        subsets.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode out = JSON.arrayNode();
        subsets.forEach(out::add);
        return out;
    }

    private static String addressKey(ObjectNode address) {
        return address.path("ip").asText() + "/" + address.path("targetRef").path("uid").asText();
    }

    /** {@code addrsByIPAndUID}: by IP as text, then by the pod's uid. */
    private static String sortKey(Offer offer) {
        return offer.address().path("ip").asText() + "\u0000" + offer.address().path("targetRef").path("uid").asText();
    }

    /**
     * {@code truncateEndpoints}: past {@link #MAX_CAPACITY} addresses, keep ready ones first and share
     * what is left among subsets in proportion. Returns whether anything was cut.
     */
    public static boolean truncate(ArrayNode subsets) {
        int totalReady = 0;
        int totalNotReady = 0;
        for (JsonNode subset : subsets) {
            totalReady += subset.path("addresses").size();
            totalNotReady += subset.path("notReadyAddresses").size();
        }
        if (totalReady + totalNotReady <= MAX_CAPACITY) {
            return false;
        }
        boolean truncateReady = totalReady > MAX_CAPACITY;
        int max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
        int numTotal = truncateReady ? totalReady : totalNotReady;
        int canBeAdded = max;
        for (JsonNode node : subsets) {
            ObjectNode subset = (ObjectNode) node;
            String field = truncateReady ? "addresses" : "notReadyAddresses";
            int inSubset = subset.path(field).size();
            int toBeAdded = (int) Math.ceil((double) inSubset / numTotal * max);
            toBeAdded = Math.min(toBeAdded, canBeAdded);
            keepFirst(subset, field, toBeAdded);
            if (truncateReady) {
                subset.remove("notReadyAddresses");
            }
            canBeAdded -= subset.path(field).size();
        }
        return true;
    }

    private static void keepFirst(ObjectNode subset, String field, int count) {
        if (!(subset.get(field) instanceof ArrayNode list)) {
            return;
        }
        while (list.size() > count) {
            list.remove(list.size() - 1);
        }
        if (list.isEmpty()) {
            subset.remove(field);
        }
    }

    /** Addresses in all subsets, ready and not. */
    public static int count(JsonNode subsets) {
        int n = 0;
        for (JsonNode subset : subsets) {
            n += subset.path("addresses").size() + subset.path("notReadyAddresses").size();
        }
        return n;
    }
}
