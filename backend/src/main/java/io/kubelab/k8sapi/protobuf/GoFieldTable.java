package io.kubelab.k8sapi.protobuf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Go struct facts that a Kubernetes protobuf message does not carry (pointer or not, {@code omitempty} or not,
 * embedded inline, JSON name), one Go struct a line in {@code go-json-fields.txt}. The JSON that Kubernetes holds
 * is what Go's encoding/json writes for the decoded struct, and those facts decide which zero values it writes.
 */
final class GoFieldTable {

    /**
     * One Go struct field: its protobuf name, JSON name and tag facts; {@code dropped} for a message field that the
     * 1.32 struct does not have (gogo skips it as an unknown field).
     */
    record GoField(String protoName, String jsonName, boolean pointer, boolean omitEmpty, boolean inline,
                   boolean dropped) {
    }

    static final String RESOURCE = "go-json-fields.txt";
    /** Descriptor full names in the table drop this prefix, which every Kubernetes proto package has. */
    static final String PACKAGE_PREFIX = "k8s.io.";

    private final Map<String, List<GoField>> structs;

    private GoFieldTable(Map<String, List<GoField>> structs) {
        this.structs = structs;
    }

    static GoFieldTable load() {
        try (InputStream in = GoFieldTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoFieldTable parse(BufferedReader reader) throws IOException {
        Map<String, List<GoField>> structs = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split(" +");
            List<GoField> fields = new ArrayList<>(words.length - 1);
            for (int i = 1; i < words.length; i++) {
                fields.add(field(words[i]));
            }
            if (structs.put(PACKAGE_PREFIX + words[0], List.copyOf(fields)) != null) {
                throw new IllegalStateException("struct listed twice: " + words[0]);
            }
        }
        return new GoFieldTable(Map.copyOf(structs));
    }

    /** {@code name}, then flags {@code * ? ^ -} in any order, then an optional {@code =jsonName}. */
    private static GoField field(String word) {
        int eq = word.indexOf('=');
        String head = eq < 0 ? word : word.substring(0, eq);
        int end = head.length();
        while (end > 0 && "*?^-".indexOf(head.charAt(end - 1)) >= 0) {
            end--;
        }
        String name = head.substring(0, end);
        String flags = head.substring(end);
        return new GoField(name, eq < 0 ? name : word.substring(eq + 1), flags.indexOf('*') >= 0,
                flags.indexOf('?') >= 0, flags.indexOf('^') >= 0, flags.indexOf('-') >= 0);
    }

    /** The fields of the Go struct behind a descriptor full name, in Go declaration order. */
    Optional<List<GoField>> struct(String fullName) {
        return Optional.ofNullable(structs.get(fullName));
    }

    Iterable<String> structNames() {
        return structs.keySet();
    }
}
