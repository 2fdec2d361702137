package io.kubelab.runtime;

/**
 * How containerd names an image a pod spec writes in short form: Docker Hub's {@code docker.io} and its
 * {@code library/} namespace added, {@code :latest} when there is no tag or digest. {@code nginx},
 * {@code nginx:latest} and {@code docker.io/library/nginx:latest} are one image in the node's store.
 */
public final class ImageNames {

    private ImageNames() {
    }

    public static String normalise(String image) {
        String name = image;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasRegistry = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        if (!hasRegistry) {
            name = "docker.io/" + (slash < 0 ? "library/" : "") + name;
        }
        int lastSlash = name.lastIndexOf('/');
        String last = name.substring(lastSlash + 1);
        if (!last.contains(":") && !name.contains("@")) {
            name = name + ":latest";
        }
        return name;
    }

    /** {@code docker.io/library/nginx} of {@code docker.io/library/nginx:1.27}: the repository without tag or digest. */
    public static String repository(String reference) {
        int at = reference.indexOf('@');
        String name = at < 0 ? reference : reference.substring(0, at);
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }
}
