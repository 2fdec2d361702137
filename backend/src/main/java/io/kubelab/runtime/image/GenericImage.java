package io.kubelab.runtime.image;

import io.kubelab.runtime.image.container.Flavour;
import io.kubelab.runtime.image.programs.BaseFiles;
import io.kubelab.runtime.image.programs.ImageConfig;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an image from a registry we do not model runs (e.g. {@code ghcr.io/acme/app:1.2} or a private
 * registry): a small busybox-like userland whose default command sleeps forever, so a pod's own
 * {@code command} runs as written and one without a command stays Running.
 */
final class GenericImage {

    static final String TAG = "generic";
    static final long SIZE = 12_400_000;

    private GenericImage() {
    }

    static ImageConfig config() {
        return new ImageConfig("1.0.0", List.of(), List.of("sleep", "infinity"),
                Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), "", List.of(),
                Flavour.BUSYBOX, Map.of(), Set.of("wget", "nslookup", "nc"), BaseFiles.of(Flavour.BUSYBOX, BaseFiles.alpine("3.21.0")),
                2_000_000);
    }
}
