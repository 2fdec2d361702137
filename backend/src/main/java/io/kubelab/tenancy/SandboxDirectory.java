package io.kubelab.tenancy;

import io.kubelab.cluster.ClusterSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The cluster-wide list of sandboxes, in a Hazelcast map that every member reads. Records are JSON
 * strings so that members of different builds can still read each other's entries.
 */
public final class SandboxDirectory {

    public static final String MAP_NAME = "kubelab.sandboxes";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .build();

    private final IMap<String, String> records;
    private final Clock clock;
    private final Duration lifetime;

    public SandboxDirectory(IMap<String, String> records, Clock clock, Duration lifetime) {
        this.records = records;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new sandbox's record and the only copy of its bearer token. */
    public record Created(SandboxRecord record, String token) {
    }

    /** Stores a new record hosted by {@code host}; completes once Hazelcast has stored it. */
    public CompletionStage<Created> create(Optional<String> scenario, String host, ClusterSpec cluster) {
        String token = Tokens.newToken();
        var now = clock.instant();
        var record = new SandboxRecord(Tokens.newSandboxId(), Tokens.hash(token), now, now.plus(lifetime),
                scenario, host, cluster.options());
        return records.submitToKey(record.id(), new PutIfAbsent(write(record))).thenCompose(stored -> stored
                ? CompletableFuture.completedFuture(new Created(record, token))
                : create(scenario, host, cluster));
    }

    /** The sandbox's record while it lives; an expired sandbox is as absent as one never made. */
    public CompletionStage<Optional<SandboxRecord>> find(String id) {
        if (!Tokens.isSandboxId(id)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return records.getAsync(id).thenApply(json -> Optional.ofNullable(json).map(SandboxDirectory::read)
                .filter(record -> record.expires().isAfter(clock.instant())));
    }

    /** Completes with whether a record was there to remove. */
    public CompletionStage<Boolean> delete(String id) {
        return records.removeAsync(id).thenApply(previous -> previous != null);
    }

    public int size() {
        return records.size();
    }

    private static String write(SandboxRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sandbox record always serialises", e);
        }
    }

    private static SandboxRecord read(String json) {
        try {
            return JSON.readValue(json, SandboxRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable sandbox record: " + e.getOriginalMessage(), e);
        }
    }

    /** Stores a value only where the key is free, on the partition's owner: an id is never reused. */
    private record PutIfAbsent(String value) implements EntryProcessor<String, String, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, String> entry) {
            if (entry.getValue() != null) {
                return false;
            }
            entry.setValue(value);
            return true;
        }
    }
}
