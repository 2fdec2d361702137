package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A set of field paths, as structured-merge-diff's {@code fieldpath.Set}: the members at this level and, per
 * path element, the set below it. A path is in the set when its last element is a member of the set its
 * prefix leads to. Children are never empty, so that the {@code fieldsV1} form reads back the same.
 */
public final class FieldSet {

    private final TreeSet<PathElement> members = new TreeSet<>();
    private final TreeMap<PathElement, FieldSet> children = new TreeMap<>();

    public boolean isEmpty() {
        return members.isEmpty() && children.isEmpty();
    }

    /** Adds a path; the empty path (the root) is never a member. */
    public void insert(List<PathElement> path) {
        if (path.isEmpty()) {
            return;
        }
        FieldSet at = this;
        for (int i = 0; i < path.size() - 1; i++) {
            at = at.children.computeIfAbsent(path.get(i), k -> new FieldSet());
        }
        at.members.add(path.get(path.size() - 1));
    }

    public boolean has(List<PathElement> path) {
        FieldSet at = this;
        for (int i = 0; i < path.size() - 1; i++) {
            at = at.children.get(path.get(i));
            if (at == null) {
                return false;
            }
        }
        return !path.isEmpty() && at.members.contains(path.get(path.size() - 1));
    }

    public boolean hasMember(PathElement element) {
        return members.contains(element);
    }

    /** The set below one element, or an empty set. */
    public FieldSet child(PathElement element) {
        FieldSet child = children.get(element);
        return child == null ? new FieldSet() : child;
    }

    /** Whether this element is a member or anything below it is. */
    public boolean touches(PathElement element) {
        return members.contains(element) || children.containsKey(element);
    }

    public FieldSet copy() {
        FieldSet out = new FieldSet();
        out.members.addAll(members);
        children.forEach((k, v) -> out.children.put(k, v.copy()));
        return out;
    }

    public FieldSet union(FieldSet other) {
        FieldSet out = copy();
        out.members.addAll(other.members);
        other.children.forEach((k, v) -> {
            FieldSet mine = out.children.get(k);
            out.children.put(k, mine == null ? v.copy() : mine.union(v));
        });
        return out;
    }

    /** Adds every path of {@code other} to this set. */
    public void addAll(FieldSet other) {
        members.addAll(other.members);
        other.children.forEach((k, v) -> {
            FieldSet mine = children.get(k);
            if (mine == null) {
                children.put(k, v.copy());
            } else {
                mine.addAll(v);
            }
        });
    }

    /** The paths of this set that neither are in {@code excluded} nor lie below one of its members. */
    public FieldSet recursiveDifference(FieldSet excluded) {
        FieldSet out = new FieldSet();
        for (PathElement m : members) {
            if (!excluded.members.contains(m)) {
                out.members.add(m);
            }
        }
        children.forEach((k, v) -> {
            if (excluded.members.contains(k)) {
                return;
            }
            FieldSet theirs = excluded.children.get(k);
            FieldSet rest = theirs == null ? v.copy() : v.recursiveDifference(theirs);
            if (!rest.isEmpty()) {
                out.children.put(k, rest);
            }
        });
        return out;
    }

    public FieldSet difference(FieldSet other) {
        FieldSet out = new FieldSet();
        for (PathElement m : members) {
            if (!other.members.contains(m)) {
                out.members.add(m);
            }
        }
        children.forEach((k, v) -> {
            FieldSet theirs = other.children.get(k);
            FieldSet rest = theirs == null ? v.copy() : v.difference(theirs);
            if (!rest.isEmpty()) {
                out.children.put(k, rest);
            }
        });
        return out;
    }

    public FieldSet intersection(FieldSet other) {
        FieldSet out = new FieldSet();
        for (PathElement m : members) {
            if (other.members.contains(m)) {
                out.members.add(m);
            }
        }
        children.forEach((k, v) -> {
            FieldSet theirs = other.children.get(k);
            if (theirs != null) {
                FieldSet both = v.intersection(theirs);
                if (!both.isEmpty()) {
                    out.children.put(k, both);
                }
            }
        });
        return out;
    }

    /** Every path of the set, the members of a level before what lies below it (structured-merge-diff's Iterate). */
    public void forEachPath(Consumer<List<PathElement>> sink) {
        forEachPath(new ArrayList<>(), sink);
    }

    private void forEachPath(List<PathElement> prefix, Consumer<List<PathElement>> sink) {
        for (PathElement m : members) {
            List<PathElement> path = new ArrayList<>(prefix);
            path.add(m);
            sink.accept(path);
        }
        children.forEach((k, v) -> {
            prefix.add(k);
            v.forEachPath(prefix, sink);
            prefix.remove(prefix.size() - 1);
        });
    }

    /** A path as conflict messages print it: {@code .spec.containers[name="web"].image}. */
    public static String pathString(List<PathElement> path) {
        StringBuilder out = new StringBuilder();
        path.forEach(out::append);
        return out.toString();
    }

    // ---- fieldsV1 -----------------------------------------------------------------------------------------

    /** The {@code fieldsV1} form: keys in structured-merge-diff's order, {@code ".": {}} for a member with children. */
    public ObjectNode toFieldsV1() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        emit(out, false);
        return out;
    }

    private void emit(ObjectNode out, boolean includeSelf) {
        if (includeSelf && !isEmpty()) {
            out.putObject(".");
        }
        Iterator<PathElement> m = members.iterator();
        Iterator<Map.Entry<PathElement, FieldSet>> c = children.entrySet().iterator();
        PathElement nextMember = m.hasNext() ? m.next() : null;
        Map.Entry<PathElement, FieldSet> nextChild = c.hasNext() ? c.next() : null;
        while (nextMember != null || nextChild != null) {
            int order = nextMember == null ? 1 : nextChild == null ? -1 : nextMember.compareTo(nextChild.getKey());
            if (order < 0) {
                out.putObject(nextMember.fieldsV1Key());
                nextMember = m.hasNext() ? m.next() : null;
            } else {
                nextChild.getValue().emit(out.putObject(nextChild.getKey().fieldsV1Key()), order == 0);
                if (order == 0) {
                    nextMember = m.hasNext() ? m.next() : null;
                }
                nextChild = c.hasNext() ? c.next() : null;
            }
        }
    }

    /** Reads a {@code fieldsV1} object back. */
    public static FieldSet fromFieldsV1(JsonNode fields) {
        FieldSet out = new FieldSet();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(".")) {
                continue;
            }
            PathElement element = PathElement.parse(e.getKey());
            JsonNode below = e.getValue();
            if (below.isEmpty() || below.has(".")) {
                out.members.add(element);
            }
            FieldSet child = fromFieldsV1(below);
            if (!child.isEmpty()) {
                out.children.put(element, child);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet other && members.equals(other.members) && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return members.hashCode() * 31 + children.hashCode();
    }

    @Override
    public String toString() {
        return toFieldsV1().toString();
    }
}
