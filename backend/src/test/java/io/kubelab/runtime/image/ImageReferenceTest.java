package io.kubelab.runtime.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nginx|docker.io/library/nginx:latest",
            "nginx:1.27|docker.io/library/nginx:1.27",
            "library/nginx:1.27|docker.io/library/nginx:1.27",
            "docker.io/nginx|docker.io/library/nginx:latest",
            "index.docker.io/library/nginx:alpine|docker.io/library/nginx:alpine",
            "bitnami/redis:7|docker.io/bitnami/redis:7",
            "registry.k8s.io/pause:3.10|registry.k8s.io/pause:3.10",
            "localhost:5000/app|localhost:5000/app:latest",
            "localhost/app:v1|localhost/app:v1",
            "quay.io/coreos/etcd:v3.5.16|quay.io/coreos/etcd:v3.5.16",
            "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "my-registry.example.com:8443/team/app:2.0-rc.1|my-registry.example.com:8443/team/app:2.0-rc.1",
            "a__b/c--d:UPPER_tag|docker.io/a__b/c--d:UPPER_tag",
            "myUser/app|myUser/app:latest",
    })
    void normalisesLikeContainerd(String input, String pulled) throws Exception {
        assertEquals(pulled, ImageReference.parse(input).pullable().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NGINX|invalid reference format: repository name (library/NGINX) must be lowercase",
            "Nginx:latest|invalid reference format: repository name (library/Nginx) must be lowercase",
            "myuser/App|invalid reference format: repository name (myuser/App) must be lowercase",
            "nginx:|invalid reference format",
            "nginx:la test|invalid reference format",
            "-nginx|invalid reference format",
            "nginx/|invalid reference format",
            "nginx:1.27:2|invalid reference format",
            "nginx@sha256:abc|invalid reference format",
            "nginx@sha256:0123456789abcdef0123456789abcdef|invalid checksum digest length",
            "nginx@md5:0123456789abcdef0123456789abcdef|unsupported digest algorithm",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|invalid repository name (0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef), cannot specify 64-byte hexadecimal strings",
    })
    void rejectsWithTheLibrarysWords(String input, String message) {
        assertEquals(message, assertThrows(ImageReference.InvalidReferenceException.class, () -> ImageReference.parse(input)).getMessage());
    }
}
