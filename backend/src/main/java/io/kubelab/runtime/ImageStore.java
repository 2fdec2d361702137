package io.kubelab.runtime;

import io.kubelab.runtime.image.Image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** containerd's image store on one node: what has been pulled, by normalised reference. */
final class ImageStore {

    private final Map<String, Image> images = new LinkedHashMap<>();

    Optional<Image> find(String image) {
        return Optional.ofNullable(images.get(ImageNames.normalise(image)));
    }

    void add(String image, Image pulled) {
        images.put(ImageNames.normalise(image), pulled);
        images.putIfAbsent(pulled.reference(), pulled);
    }

    /** Distinct images, largest first (the order the kubelet reports them in the node status). */
    List<Image> list() {
        List<Image> out = new ArrayList<>();
        for (Image image : images.values()) {
            if (out.stream().noneMatch(i -> i.imageId().equals(image.imageId()))) {
                out.add(image);
            }
        }
        out.sort(Comparator.comparingLong(Image::sizeBytes).reversed().thenComparing(Image::reference));
        return out;
    }
}
