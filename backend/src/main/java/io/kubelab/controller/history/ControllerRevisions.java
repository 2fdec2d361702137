package io.kubelab.controller.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.model.GoJson;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * pkg/controller/history: naming, hashing, comparing and creating ControllerRevisions. A revision's
 * {@code data} is the patch a controller stored; it is hashed and compared as the bytes Go writes.
 */
public final class ControllerRevisions {

    public static final ResourceType TYPE = ResourceTypes.of("apps/v1", "ControllerRevision");
    /** The label history.NewControllerRevision puts on every revision it builds (StatefulSets). */
    public static final String HASH_LABEL = "controller.kubernetes.io/hash";

    /** k8s.io/apimachinery/pkg/util/rand: the alphabet without vowels and look-alikes, so no bad words. */
    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int MAX_PREFIX = 223;

    private ControllerRevisions() {
    }

    /** HashControllerRevision: FNV-1 (32 bit) over the data's bytes, then the collision count, safe-encoded. */
    public static String hash(JsonNode data, Integer probe) {
        int h = FNV_OFFSET;
        h = fnv1(h, GoJson.marshal(data).getBytes(StandardCharsets.UTF_8));
        if (probe != null) {
            h = fnv1(h, Integer.toString(probe).getBytes(StandardCharsets.UTF_8));
        }
        return safeEncode(Integer.toUnsignedString(h));
    }

    static int fnv1(int h, byte[] bytes) {
        for (byte b : bytes) {
            h *= FNV_PRIME;
            h ^= (b & 0xff);
        }
        return h;
    }

    /** FNV-1a (32 bit), which controller.ComputeHash uses. */
    public static int fnv1a(int h, byte[] bytes) {
        for (byte b : bytes) {
            h ^= (b & 0xff);
            h *= FNV_PRIME;
        }
        return h;
    }

    public static int fnvOffset() {
        return FNV_OFFSET;
    }

    /** rand.SafeEncodeString. */
    public static String safeEncode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append(ALPHANUMS.charAt((b & 0xff) % ALPHANUMS.length()));
        }
        return out.toString();
    }

    /** ControllerRevisionName: the parent's name (at most 223 characters), a dash and the hash. */
    public static String name(String prefix, String hash) {
        return (prefix.length() > MAX_PREFIX ? prefix.substring(0, MAX_PREFIX) : prefix) + "-" + hash;
    }

    /** Whether two revisions' data are the same bytes (EqualRevision for data stored as raw JSON). */
    public static boolean sameData(JsonNode lhs, JsonNode rhs) {
        return GoJson.marshal(lhs).equals(GoJson.marshal(rhs));
    }

    public static long revision(JsonNode revision) {
        return revision.path("revision").asLong();
    }

    /** SortControllerRevisions: by revision number, stable (the informer lists by name). */
    public static List<ObjectNode> sorted(List<ObjectNode> revisions) {
        List<ObjectNode> copy = new ArrayList<>(revisions);
        copy.sort(Comparator.comparingLong(ControllerRevisions::revision));
        return copy;
    }

    /**
     * history.NewControllerRevision: labelled with the template's labels plus the hash label, owned by
     * {@code parent}, named after it and the hash of the data with the collision count.
     */
    public static ObjectNode build(ObjectNode parent, String apiVersion, String kind, JsonNode templateLabels,
                                   ObjectNode data, long revision, int collisionCount) {
        String hash = hash(data, collisionCount);
        ObjectNode cr = JsonNodeFactory.instance.objectNode();
        cr.put("apiVersion", "apps/v1").put("kind", "ControllerRevision");
        ObjectNode metadata = cr.putObject("metadata");
        metadata.put("name", name(ObjectMeta.name(parent), hash));
        metadata.put("namespace", ObjectMeta.namespace(parent));
        ObjectNode labels = metadata.putObject("labels");
        templateLabels.properties().forEach(e -> labels.set(e.getKey(), e.getValue()));
        labels.put(HASH_LABEL, hash);
        metadata.putArray("ownerReferences").add(OwnerRefs.controllerRef(parent, apiVersion, kind));
        cr.set("data", data);
        cr.put("revision", revision);
        return cr;
    }

    /**
     * realHistory.CreateControllerRevision: creates {@code revision}; on a name taken by different data it
     * bumps the collision count and tries the next name. Returns the stored revision and the count used.
     */
    public static Created create(ApiServer api, UserInfo user, ObjectNode parent, ObjectNode revision, int collisionCount) {
        int count = collisionCount;
        ObjectNode clone = revision.deepCopy();
        while (true) {
            String hash = hash(revision.get("data"), count);
            clone.with("metadata").put("name", name(ObjectMeta.name(parent), hash));
            String namespace = ObjectMeta.namespace(parent);
            try {
                ObjectNode created = api.handle(ApiRequest.of(user, ApiRequest.Verb.CREATE, TYPE, namespace, "")
                        .withBody(clone)).body();
                return new Created(created, count);
            } catch (StatusException e) {
                if (e.status().code() != 409) {
                    throw e;
                }
                ObjectNode exists = api.handle(ApiRequest.of(user, ApiRequest.Verb.GET, TYPE, namespace,
                        ObjectMeta.name(clone))).body();
                if (sameData(exists.get("data"), clone.get("data"))) {
                    return new Created(exists, count);
                }
                count++;
            }
        }
    }

    /** A created (or found identical) revision and the collision count that named it. */
    public record Created(ObjectNode revision, int collisionCount) {
    }

    /** realHistory.UpdateControllerRevision: gives an existing revision a new number (a roll back). */
    public static ObjectNode renumber(ApiServer api, UserInfo user, ObjectNode revision, long number) {
        if (revision(revision) == number) {
            return revision;
        }
        ObjectNode clone = revision.deepCopy();
        clone.put("revision", number);
        return api.handle(ApiRequest.of(user, ApiRequest.Verb.UPDATE, TYPE, ObjectMeta.namespace(revision),
                ObjectMeta.name(revision)).withBody(clone)).body();
    }

    public static void delete(ApiServer api, UserInfo user, ObjectNode revision) {
        try {
            api.handle(ApiRequest.of(user, ApiRequest.Verb.DELETE, TYPE, ObjectMeta.namespace(revision),
                    ObjectMeta.name(revision)));
        } catch (StatusException e) {
            if (e.status().code() != 404) {
                throw e;
            }
        }
    }
}
