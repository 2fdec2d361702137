package io.kubelab.runtime.image.container;

import io.kubelab.runtime.image.ContainerStart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A container's filesystem: the image's own files, the volumes mounted over them, and what the container's
 * processes wrote. Writes are journaled with the time (since the container started) they happened, because a
 * process's timeline is computed ahead of the sandbox clock: {@code touch /tmp/healthy; sleep 30; rm
 * /tmp/healthy} must show the file to an exec probe at 10 s and not at 40 s, although both commands ran
 * when the process was first asked for its next step.
 */
public final class ContainerFs {

    /** What a directory entry holds in the journal. */
    public static final String DIRECTORY = "\0dir";
    static final int MAX_VERSIONS = 64;
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final int MAX_FILES = 2_000;
    /** All journaled contents together: beyond this, a file keeps only its latest state. */
    static final long MAX_JOURNAL_CHARS = 8L << 20;

    private record Version(Duration at, String content) {
    }

    private final Map<String, String> image;
    private final ContainerStart.Files mounts;
    private final TreeMap<String, List<Version>> journal = new TreeMap<>();
    private long journalChars;

    public ContainerFs(Map<String, String> image, ContainerStart.Files mounts) {
        this.image = image;
        this.mounts = mounts;
    }

    /** The file's content at {@code at}, empty if there is none (or it is a directory). */
    public Optional<String> read(String path, Duration at) {
        String p = normalise(path);
        List<Version> versions = journal.get(p);
        if (versions != null) {
            Version last = null;
            for (Version v : versions) {
                if (v.at.compareTo(at) <= 0) {
                    last = v;
                }
            }
            if (last != null) {
                return last.content == null || last.content.equals(DIRECTORY) ? Optional.empty()
                        : Optional.of(last.content);
            }
        }
        Optional<String> mounted = mounts.read(p);
        if (mounted.isPresent()) {
            return mounted;
        }
        if (hiddenByMount(p)) {
            return Optional.empty();
        }
        return Optional.ofNullable(image.get(p)).filter(c -> !c.equals(DIRECTORY));
    }

    public boolean exists(String path, Duration at) {
        return read(path, at).isPresent() || isDirectory(path, at);
    }

    public boolean isDirectory(String path, Duration at) {
        String p = normalise(path);
        if (p.equals("/")) {
            return true;
        }
        Optional<String> journaled = latest(p, at);
        if (journaled.isPresent()) {
            return journaled.get().equals(DIRECTORY);
        }
        if (DIRECTORY.equals(image.get(p)) || !mounts.list(p).isEmpty()) {
            return true;
        }
        return !list(p, at).isEmpty();
    }

    /** Names (not paths) of the entries directly in {@code dir}, sorted. */
    public List<String> list(String dir, Duration at) {
        String d = normalise(dir);
        String prefix = d.equals("/") ? "/" : d + "/";
        TreeSet<String> names = new TreeSet<>();
        List<String> mounted = mounts.list(d);
        for (String m : mounted) {
            names.add(m.substring(m.lastIndexOf('/') + 1));
        }
        if (mounted.isEmpty()) {
            for (String p : image.keySet()) {
                childName(prefix, p).ifPresent(names::add);
            }
        }
        for (String p : journal.keySet()) {
            childName(prefix, p).ifPresent(name -> {
                Optional<String> state = latest(p, at);
                if (state.isPresent()) {
                    names.add(name);
                } else if (journal.get(p).stream().anyMatch(v -> v.at.compareTo(at) <= 0)) {
                    names.remove(name);
                }
            });
        }
        return new ArrayList<>(names);
    }

    public void write(String path, String content, Duration at) {
        String c = content.length() > MAX_FILE_BYTES ? content.substring(0, MAX_FILE_BYTES) : content;
        record(normalise(path), c, at);
    }

    public void mkdir(String path, Duration at) {
        record(normalise(path), DIRECTORY, at);
    }

    public void remove(String path, Duration at) {
        record(normalise(path), null, at);
    }

    /** Resolves {@code path} against {@code cwd} and removes {@code .} and {@code ..}. */
    public static String resolve(String cwd, String path) {
        return normalise(path.startsWith("/") ? path : cwd + "/" + path);
    }

    public static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The last journaled state at {@code at}: content, DIRECTORY, or empty for none or deleted. */
    private Optional<String> latest(String p, Duration at) {
        List<Version> versions = journal.get(p);
        if (versions == null) {
            return Optional.empty();
        }
        Version last = null;
        for (Version v : versions) {
            if (v.at.compareTo(at) <= 0) {
                last = v;
            }
        }
        return last == null ? Optional.empty() : Optional.ofNullable(last.content);
    }

    private void record(String p, String content, Duration at) {
        if (!journal.containsKey(p) && journal.size() >= MAX_FILES) {
            return;
        }
        List<Version> versions = journal.computeIfAbsent(p, k -> new ArrayList<>());
        long size = content == null ? 0 : content.length();
        if (versions.isEmpty() && journalChars + size > MAX_JOURNAL_CHARS) {
            journal.remove(p);
            return;
        }
        journalChars += size;
        if (versions.size() >= MAX_VERSIONS || journalChars > MAX_JOURNAL_CHARS) {
            // a loop far ahead of the clock: keep the early history exact and let the last state absorb the rest
            Version last = versions.get(versions.size() - 1);
            journalChars -= last.content == null ? 0 : last.content.length();
            versions.set(versions.size() - 1, new Version(last.at.compareTo(at) < 0 ? last.at : at, content));
            return;
        }
        int i = versions.size();
        while (i > 0 && versions.get(i - 1).at.compareTo(at) > 0) {
            i--;
        }
        versions.add(i, new Version(at, content));
    }

    private boolean hiddenByMount(String p) {
        int slash = p.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : p.substring(0, slash);
        return !mounts.list(parent).isEmpty();
    }

    private static Optional<String> childName(String prefix, String p) {
        if (!p.startsWith(prefix) || p.length() == prefix.length()) {
            return Optional.empty();
        }
        String rest = p.substring(prefix.length());
        int slash = rest.indexOf('/');
        return Optional.of(slash < 0 ? rest : rest.substring(0, slash));
    }
}
