package io.kubelab.kubectl.taint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The taints to add and to remove, and kubectl's way of merging them into a node's list. */
record TaintChanges(List<Taint> add, List<Taint> remove) {

    static final String TAINTED = "tainted";
    static final String UNTAINTED = "untainted";
    static final String MODIFIED = "modified";

    /** The node's new taints, the operation word, and a {@code taint "x" not found} per removal that matched none. */
    record Result(List<Taint> taints, String operation, List<String> notFound) {
    }

    /** kubectl's parseTaints: {@code spec-} removes; an added taint needs an effect and must be unique by key and effect. */
    static TaintChanges parse(List<String> specs) throws Taint.BadSpec {
        List<Taint> add = new ArrayList<>();
        List<Taint> remove = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        for (String spec : specs) {
            if (spec.endsWith("-")) {
                Taint t = Taint.parse(spec.substring(0, spec.length() - 1));
                remove.add(new Taint(t.key(), "", t.effect()));
            } else {
                Taint t = Taint.parse(spec);
                if (t.effect().isEmpty()) {
                    throw new Taint.BadSpec("invalid taint spec: " + spec);
                }
                if (!unique.add(t.effect() + "\u0000" + t.key())) {
                    throw new Taint.BadSpec("duplicated taints with the same key and effect: " + t.goValue());
                }
                add.add(t);
            }
        }
        return new TaintChanges(add, remove);
    }

    /** {@code key=effect, ...} of the taints both added and removed, or null. */
    String conflicts() {
        List<String> out = new ArrayList<>();
        for (Taint a : add) {
            for (Taint r : remove) {
                if (a.key().equals(r.key()) && (r.effect().isEmpty() || a.effect().equals(r.effect()))) {
                    out.add(r.key() + "=" + r.effect());
                }
            }
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /** The keys of added taints the node already has with the same effect, comma-separated. */
    String alreadyThere(List<Taint> old) {
        List<String> keys = new ArrayList<>();
        for (Taint t : add) {
            for (Taint o : old) {
                if (t.matches(o)) {
                    keys.add(t.key());
                }
            }
        }
        return String.join(",", keys);
    }

    /**
     * kubectl's reorganizeTaints: the added taints first, then the old ones they do not replace, less
     * the removed ones; "modified" when taints were both added and removed or with --overwrite.
     */
    Result applyTo(List<Taint> old, boolean overwrite) {
        List<Taint> taints = new ArrayList<>(add);
        for (Taint o : old) {
            if (taints.stream().noneMatch(t -> t.matches(o))) {
                taints.add(o);
            }
        }
        boolean added = old.size() != taints.size();
        List<String> notFound = new ArrayList<>();
        boolean removed = false;
        for (Taint r : remove) {
            int before = taints.size();
            taints.removeIf(t -> r.effect().isEmpty() ? t.key().equals(r.key()) : t.matches(r));
            removed = taints.size() != before;
            if (!removed) {
                notFound.add("taint " + r.quoted() + " not found");
            }
        }
        String operation = (added && removed) || overwrite ? MODIFIED : added ? TAINTED : UNTAINTED;
        return new Result(taints, operation, notFound);
    }
}
