package io.kubelab.runtime.image;

import io.kubelab.runtime.image.programs.ImageConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One repository of a simulated registry: its tags, several naming the same image (as {@code nginx:1.27},
 * {@code nginx:1.27.3} and {@code nginx:latest} do), each image with its size and configuration.
 *
 * @param name e.g. {@code docker.io/library/nginx}
 */
public record Repository(String name, Map<String, Variant> tags) {

    /**
     * One image of the repository.
     *
     * @param canonicalTag the tag its digest is derived from (shared by its aliases)
     */
    public record Variant(String canonicalTag, long sizeBytes, ImageConfig config) {
    }

    public Optional<Variant> tag(String tag) {
        return Optional.ofNullable(tags.get(tag));
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final Map<String, Variant> tags = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** An image under {@code aliases} (the first is the canonical, most specific tag). */
        public Builder image(long sizeBytes, ImageConfig config, String... aliases) {
            Variant v = new Variant(aliases[0], sizeBytes, config);
            for (String a : aliases) {
                tags.put(a, v);
            }
            return this;
        }

        public Repository build() {
            return new Repository(name, Map.copyOf(tags));
        }
    }

    /** The tags, for documentation and listings. */
    public List<String> tagNames() {
        return tags.keySet().stream().sorted().toList();
    }
}
