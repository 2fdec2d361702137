package io.kubelab.runtime.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullTest {

    private final SimulatedImages images = new Sandbox().images;

    private Image pulled(String name) {
        return assertInstanceOf(ImageCatalogue.Pulled.class, images.pull(name)).image();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nginx|docker.io/library/nginx:latest|72099501|2509",
            "nginx:1.27-alpine|docker.io/library/nginx:1.27-alpine|20456000|1034",
            "busybox:1.28|docker.io/library/busybox:1.28|727000|470",
            "registry.k8s.io/pause:3.10|registry.k8s.io/pause:3.10|320368|459",
            "python:3.13|docker.io/library/python:3.13|412300000|12230",
            "ghcr.io/acme/app:1.2|ghcr.io/acme/app:1.2|12400000|804",
    })
    void servesWhatItHas(String name, String reference, long size, long pullMillis) {
        Image image = pulled(name);
        assertEquals(reference, image.reference());
        assertEquals(size, image.sizeBytes());
        assertEquals(Duration.ofMillis(pullMillis), image.pullTime());
        assertTrue(image.imageId().matches(java.util.regex.Pattern.quote(reference.replaceFirst(":[^:/]+$", "")) + "@sha256:[0-9a-f]{64}"),
                image.imageId());
    }

    @Test
    void aliasesShareADigestAndDigestsPull() {
        assertEquals(pulled("nginx").imageId(), pulled("nginx:1.27.3").imageId());
        assertEquals(pulled("nginx:latest").imageId(), pulled("docker.io/library/nginx:mainline").imageId());
        assertNotEquals(pulled("nginx:1.26").imageId(), pulled("nginx:1.27").imageId());
        String digest = pulled("redis:7.4").imageId().split("@")[1];
        Image byDigest = pulled("redis@" + digest);
        assertEquals("docker.io/library/redis@" + digest, byDigest.reference());
        assertEquals(pulled("redis:7.4").imageId(), byDigest.imageId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nginx:nope|rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:nope\": failed to resolve reference \"docker.io/library/nginx:nope\": docker.io/library/nginx:nope: not found",
            "nginx:1.161|rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:1.161\": failed to resolve reference \"docker.io/library/nginx:1.161\": docker.io/library/nginx:1.161: not found",
            "ngnix|rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/ngnix:latest\": failed to resolve reference \"docker.io/library/ngnix:latest\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
            "someone/private-app:1.0|rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/someone/private-app:1.0\": failed to resolve reference \"docker.io/someone/private-app:1.0\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
            "registry.k8s.io/pause:9.9|rpc error: code = NotFound desc = failed to pull and unpack image \"registry.k8s.io/pause:9.9\": failed to resolve reference \"registry.k8s.io/pause:9.9\": registry.k8s.io/pause:9.9: not found",
            "localhost:5000/app|rpc error: code = Unknown desc = failed to pull and unpack image \"localhost:5000/app:latest\": failed to resolve reference \"localhost:5000/app:latest\": failed to do request: Head \"https://localhost:5000/v2/app/manifests/latest\": dial tcp 127.0.0.1:5000: connect: connection refused",
    })
    void refusesWhatItLacks(String name, String message) {
        assertEquals(message, assertInstanceOf(ImageCatalogue.PullFailed.class, images.pull(name)).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NGINX|Failed to apply default image tag \"NGINX\": couldn't parse image name \"NGINX\": invalid reference format: repository name (library/NGINX) must be lowercase",
            "nginx:|Failed to apply default image tag \"nginx:\": couldn't parse image name \"nginx:\": invalid reference format",
            "nginx::1|Failed to apply default image tag \"nginx::1\": couldn't parse image name \"nginx::1\": invalid reference format",
    })
    void rejectsInvalidNames(String name, String message) {
        assertEquals(message, assertInstanceOf(ImageCatalogue.InvalidName.class, images.pull(name)).message());
    }
}
