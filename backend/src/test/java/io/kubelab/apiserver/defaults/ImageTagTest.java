package io.kubelab.apiserver.defaults;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tag {@code parsers.ParseImageName} reports, which decides imagePullPolicy (latest means Always). */
class ImageTagTest {

    @ParameterizedTest
    @CsvSource({
            "nginx,latest", "nginx:latest,latest", "nginx:1.27,1.27", "library/nginx,latest",
            "localhost:5000/app,latest", "localhost:5000/app:v2,v2", "registry.k8s.io/pause:3.10,3.10",
            "busybox@sha256:abc,''", "busybox:1.36@sha256:abc,1.36", "Nginx,''", "'',''",
    })
    void tag(String image, String tag) {
        assertEquals(tag, ContainerDefaults.imageTag(image));
    }
}
