package io.kubelab.apiserver.printers;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code ?includeObject=}: what each Table row carries besides its cells. Metadata (the default, what kubectl
 * gets) is a {@code PartialObjectMetadata}; Object is the object as given, so list items should carry their
 * apiVersion and kind as the API server sets them; None leaves {@code "object": null}.
 */
public enum IncludeObject {
    NONE("None"), METADATA("Metadata"), OBJECT("Object");

    private final String wire;

    IncludeObject(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The query value as the API server accepts it; empty means the default, Metadata. */
    public static Optional<IncludeObject> parse(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(METADATA);
        }
        for (IncludeObject include : values()) {
            if (include.wire.equals(value)) {
                return Optional.of(include);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire.toLowerCase(Locale.ROOT);
    }
}
