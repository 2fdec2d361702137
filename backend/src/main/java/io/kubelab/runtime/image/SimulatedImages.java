package io.kubelab.runtime.image;

import io.kubelab.runtime.image.programs.ImageProgram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulated registries: Docker Hub and registry.k8s.io with the repositories of {@link StandardCatalogue},
 * answering pulls as containerd 1.7 does through the kubelet. A registry we do not model serves a generic
 * image (see {@link GenericImage}): the name looks valid and we cannot know it does not exist.
 *
 * <p>The catalogue data is immutable and shared; an instance binds it to one sandbox's clock, which the
 * started processes read for the time they started and for when SIGTERM arrives.
 */
public final class SimulatedImages implements ImageCatalogue {

    static final String DOCKER_HUB = "docker.io";
    static final String K8S_REGISTRY = "registry.k8s.io";
    /** Pull throughput: a 72 MB nginx takes about 2.5 s, as on a cloud VM. */
    static final long BYTES_PER_SECOND = 35_000_000;
    static final Duration PULL_OVERHEAD = Duration.ofMillis(450);

    private final Map<String, Repository> repositories;
    private final Supplier<Instant> clock;

    public SimulatedImages(Map<String, Repository> repositories, Supplier<Instant> clock) {
        this.repositories = repositories;
        this.clock = clock;
    }

    /** The standard catalogue on a sandbox's clock: {@code SimulatedImages.standard(clock::now)}. */
    public static SimulatedImages standard(Supplier<Instant> clock) {
        return new SimulatedImages(StandardCatalogue.REPOSITORIES, clock);
    }

    public Map<String, Repository> repositories() {
        return repositories;
    }

    @Override
    public Pull pull(String image) {
        ImageReference ref;
        try {
            ref = ImageReference.parse(image);
        } catch (ImageReference.InvalidReferenceException e) {
            return new InvalidName("Failed to apply default image tag \"" + image + "\": couldn't parse image name \""
                    + image + "\": " + e.getMessage());
        }
        ImageReference pull = ref.pullable();
        String shown = pull.toString();
        Repository repo = repositories.get(pull.name());
        if (repo == null) {
            if (pull.domain().equals(DOCKER_HUB)) {
                return failed("Unknown", shown, "pull access denied, repository does not exist or may require authorization: "
                        + "server message: insufficient_scope: authorization failed");
            }
            if (pull.domain().equals(K8S_REGISTRY)) {
                return failed("NotFound", shown, shown + ": not found");
            }
            if (pull.domain().startsWith("localhost") || pull.domain().startsWith("127.0.0.1")) {
                String port = pull.domain().contains(":") ? pull.domain().substring(pull.domain().indexOf(':') + 1) : "443";
                String what = pull.digest().isEmpty() ? pull.tag() : pull.digest();
                return failed("Unknown", shown, "failed to do request: Head \"https://" + pull.domain() + "/v2/" + pull.path()
                        + "/manifests/" + what + "\": dial tcp 127.0.0.1:" + port + ": connect: connection refused");
            }
            return pulled(pull, GenericImage.TAG, GenericImage.SIZE, GenericImage.config());
        }
        Optional<Repository.Variant> variant = pull.digest().isEmpty() ? repo.tag(pull.tag())
                : repo.tags().values().stream().filter(v -> digest(repo.name(), v.canonicalTag()).equals(pull.digest())).findFirst();
        if (variant.isEmpty()) {
            return failed("NotFound", shown, shown + ": not found");
        }
        Repository.Variant v = variant.get();
        return pulled(pull, v.canonicalTag(), v.sizeBytes(), v.config());
    }

    private Pull pulled(ImageReference ref, String canonicalTag, long size, io.kubelab.runtime.image.programs.ImageConfig config) {
        String digest = digest(ref.name(), canonicalTag);
        Duration time = PULL_OVERHEAD.plusMillis(size * 1000 / BYTES_PER_SECOND);
        return new Pulled(new Image(ref.toString(), ref.name() + "@" + digest, size, time, new ImageProgram(config, clock)));
    }

    private static Pull failed(String code, String ref, String cause) {
        return new PullFailed("rpc error: code = " + code + " desc = failed to pull and unpack image \"" + ref
                + "\": failed to resolve reference \"" + ref + "\": " + cause);
    }

    /** A stable, real-looking manifest digest for an image: the same for a tag and its aliases. */
    public static String digest(String repository, String canonicalTag) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("kubelab image " + repository + ":" + canonicalTag).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
