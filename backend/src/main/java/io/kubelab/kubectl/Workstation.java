package io.kubelab.kubectl;

import java.util.List;
import java.util.Optional;

/**
 * The machine kubectl runs on, as the shell presents it: files relative to the working directory,
 * environment variables, and what was piped in. kubectl reads manifests and its kubeconfig through it.
 */
public interface Workstation {

    /** The content of a file, or empty if there is no such file (or it is a directory). */
    Optional<String> read(String path);

    boolean isDirectory(String path);

    /** The names of a directory's entries, sorted. */
    List<String> list(String path);

    /** Writes a file; fails with the reason in bash's words when it cannot. */
    void write(String path, String content) throws java.io.IOException;

    /** An environment variable, or null. */
    String env(String name);

    /** The user's home directory, for {@code ~/.kube/config}. */
    String home();
}
