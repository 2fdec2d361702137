package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One machine's small in-memory filesystem: regular files by absolute path, and directories implied by
 * them or made empty with {@code mkdir}. What kubeadm wrote is the seed, rebuilt from the cluster's shape;
 * only what the student changed is kept as data ({@link #changes()}), so a parked sandbox keeps it.
 */
public final class NodeFiles {

    /** Files larger than this are refused, as a quota (DESIGN §4: file sizes per sandbox). */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** How many files one machine may hold. */
    public static final int MAX_FILES = 2_000;

    private final SortedMap<String, String> seed;
    private final TreeMap<String, String> files = new TreeMap<>();
    private final TreeSet<String> dirs = new TreeSet<>();
    private final TreeSet<String> seedDirs = new TreeSet<>();
    private Consumer<String> listener = path -> { };

    public NodeFiles(SortedMap<String, String> seed, List<String> emptyDirs) {
        this.seed = new TreeMap<>(seed);
        files.putAll(seed);
        dirs.add("/");
        for (String dir : emptyDirs) {
            addDirs(dir);
        }
        seed.keySet().forEach(path -> addDirs(parent(path)));
        seedDirs.addAll(dirs);
    }

    /** Called with the path of every file written, moved or removed. */
    public void setListener(Consumer<String> value) {
        listener = value;
    }

    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public boolean isFile(String path) {
        return files.containsKey(path);
    }

    public boolean isDirectory(String path) {
        return dirs.contains(path);
    }

    /** Writes a regular file; the directory must exist. */
    public void write(String path, String content) {
        if (content.length() > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("File too large");
        }
        if (!files.containsKey(path) && files.size() >= MAX_FILES) {
            throw new IllegalArgumentException("No space left on device");
        }
        files.put(path, content);
        listener.accept(path);
    }

    public boolean delete(String path) {
        if (files.remove(path) == null) {
            return false;
        }
        listener.accept(path);
        return true;
    }

    /** {@code mkdir -p}. */
    public void mkdirs(String path) {
        addDirs(path);
    }

    /** Removes an empty directory (rmdir), or false if it holds anything. */
    public boolean removeDir(String path) {
        if (!dirs.contains(path) || !children(path).isEmpty() || path.equals("/")) {
            return false;
        }
        dirs.remove(path);
        return true;
    }

    /** The names directly inside {@code dir}, sorted; directories and files alike. */
    public List<String> children(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        TreeSet<String> out = new TreeSet<>();
        for (String path : files.tailMap(prefix).keySet()) {
            if (!path.startsWith(prefix)) {
                break;
            }
            out.add(path.substring(prefix.length()).split("/", 2)[0]);
        }
        for (String path : dirs.tailSet(prefix)) {
            if (!path.startsWith(prefix)) {
                break;
            }
            out.add(path.substring(prefix.length()).split("/", 2)[0]);
        }
        out.remove("");
        return new ArrayList<>(out);
    }

    /** What differs from the seed: the content of each written file, null for each removed one. */
    public SortedMap<String, String> changes() {
        TreeMap<String, String> out = new TreeMap<>();
        files.forEach((path, content) -> {
            if (!content.equals(seed.get(path))) {
                out.put(path, content);
            }
        });
        seed.keySet().forEach(path -> {
            if (!files.containsKey(path)) {
                out.put(path, null);
            }
        });
        return out;
    }

    /** Directories made beyond the seed's. */
    public List<String> madeDirs() {
        List<String> out = new ArrayList<>(dirs);
        out.removeAll(seedDirs);
        return out;
    }

    /** Puts back what {@link #changes()} and {@link #madeDirs()} saved, without telling the listener. */
    public void restore(Map<String, String> changes, List<String> made) {
        changes.forEach((path, content) -> {
            if (content == null) {
                files.remove(path);
            } else {
                files.put(path, content);
                addDirs(parent(path));
            }
        });
        made.forEach(this::addDirs);
    }

    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode changed = out.putObject("changes");
        changes().forEach((path, content) -> {
            if (content == null) {
                changed.putNull(path);
            } else {
                changed.put(path, content);
            }
        });
        madeDirs().forEach(out.putArray("dirs")::add);
        return out;
    }

    void restore(ObjectNode json) {
        Map<String, String> changes = new TreeMap<>();
        json.path("changes").properties().forEach(e -> changes.put(e.getKey(),
                e.getValue().isNull() ? null : e.getValue().asText()));
        List<String> made = new ArrayList<>();
        json.path("dirs").forEach(d -> made.add(d.asText()));
        restore(changes, made);
    }

    private void addDirs(String path) {
        String p = path;
        while (!p.isEmpty() && !p.equals("/")) {
            dirs.add(p);
            p = parent(p);
        }
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
