package io.kubelab.k8sapi.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one message becomes the JSON of its Go struct: its fields in Go declaration order (which is the order of the
 * generated.proto, so of the descriptor) with the Go facts of {@link GoFieldTable}. A message missing from the
 * table (a kind outside the served set) gets the common Kubernetes shape: scalars omitted when zero, structs and
 * lists when absent or empty.
 */
final class MessagePlan {

    /** One field: JSON name, and whether Go holds it behind a pointer, tags it omitempty, embeds it inline. */
    record Field(FieldDescriptor descriptor, String json, boolean pointer, boolean omitEmpty, boolean inline,
                 GoValues.Special special) {
    }

    private static final Map<Descriptor, MessagePlan> PLANS = new ConcurrentHashMap<>();

    private final Field[] fields;

    private MessagePlan(Field[] fields) {
        this.fields = fields;
    }

    Field[] fields() {
        return fields;
    }

    static MessagePlan of(Descriptor d) {
        MessagePlan plan = PLANS.get(d);
        return plan != null ? plan : PLANS.computeIfAbsent(d, MessagePlan::build);
    }

    private static MessagePlan build(Descriptor d) {
        Optional<List<GoFieldTable.GoField>> struct = Tables.GO.struct(d.getFullName());
        Map<String, GoFieldTable.GoField> facts = new HashMap<>();
        struct.ifPresent(list -> list.forEach(f -> facts.put(f.protoName(), f)));
        List<Field> fields = new ArrayList<>(d.getFields().size());
        for (FieldDescriptor fd : d.getFields()) {
            GoValues.Special special = fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !fd.isMapField()
                    ? GoValues.special(fd.getMessageType()) : null;
            GoFieldTable.GoField go = facts.get(fd.getName());
            if (go == null) {
                fields.add(unlisted(fd, special));
            } else if (!go.dropped()) {
                fields.add(new Field(fd, go.jsonName(), go.pointer(), go.omitEmpty(), go.inline(), special));
            }
        }
        return new MessagePlan(fields.toArray(new Field[0]));
    }

    /** A field without Go facts: present values are written, zero scalars and absent structs are not. */
    private static Field unlisted(FieldDescriptor fd, GoValues.Special special) {
        boolean struct = fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !fd.isRepeated();
        return new Field(fd, fd.getName(), struct, true, false, special);
    }

    /** The Go facts, read once per JVM. */
    static final class Tables {
        static final GoFieldTable GO = GoFieldTable.load();

        private Tables() {
        }
    }
}
