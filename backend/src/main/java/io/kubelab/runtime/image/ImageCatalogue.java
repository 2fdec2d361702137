package io.kubelab.runtime.image;

/**
 * The simulated registries: resolves what a pod's {@code image} field says, as containerd would pull it.
 * Implementations are immutable and shared by every sandbox.
 */
public interface ImageCatalogue {

    /** Pulls {@code image} (exactly as written in the pod spec, e.g. {@code nginx}, {@code redis:7}). */
    Pull pull(String image);

    sealed interface Pull permits Pulled, PullFailed, InvalidName {
    }

    /** The registry served it. */
    record Pulled(Image image) implements Pull {
    }

    /**
     * The registry refused (no such tag or repository, no access): {@code message} is the runtime's error
     * as the kubelet quotes it after {@code Failed to pull image "nginx:nope": }, e.g. {@code rpc error:
     * code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": ...}.
     */
    record PullFailed(String message) implements Pull {
    }

    /**
     * The name cannot be parsed, so the kubelet never tries to pull (waiting reason InvalidImageName):
     * {@code message} is the kubelet's, e.g. {@code Failed to apply default image tag "NGINX": couldn't
     * parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase}.
     */
    record InvalidName(String message) implements Pull {
    }
}
