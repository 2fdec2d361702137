package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagePullTest {

    record Case(String image, String containerExtra, String reason, String message, List<String> events) {
    }

    @Test
    void imagesThatCannotBeUsedLeaveTheContainerWaiting() {
        String notFound = "rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:nope\": "
                + "failed to resolve reference \"docker.io/library/nginx:nope\": docker.io/library/nginx:nope: not found";
        String invalid = "Failed to apply default image tag \"NGINX\": couldn't parse image name \"NGINX\": invalid reference "
                + "format: repository name (library/NGINX) must be lowercase";
        List<Case> cases = List.of(
                new Case("nginx:nope", "", "ImagePullBackOff", "Back-off pulling image \"nginx:nope\"", List.of(
                        "Normal Pulling Pulling image \"nginx:nope\"",
                        "Warning Failed Failed to pull image \"nginx:nope\": " + notFound,
                        "Warning Failed Error: ErrImagePull",
                        "Normal BackOff Back-off pulling image \"nginx:nope\"",
                        "Warning Failed Error: ImagePullBackOff")),
                new Case("nginx:1.27", ",\"imagePullPolicy\":\"Never\"", "ErrImageNeverPull",
                        "Container image \"nginx:1.27\" is not present with pull policy of Never", List.of(
                        "Warning ErrImageNeverPull Container image \"nginx:1.27\" is not present with pull policy of Never",
                        "Warning Failed Error: ErrImageNeverPull")),
                new Case("NGINX", "", "InvalidImageName", invalid, List.of(
                        "Warning InspectFailed " + invalid,
                        "Warning Failed Error: InvalidImageName")));
        for (Case c : cases) {
            KubeletFixture f = new KubeletFixture(3);
            f.create(KubeletFixture.pod("web", c.image, c.containerExtra, ""));
            assertTrue(f.settleStable(), c.image);
            JsonNode waiting = f.container("web").path("state").path("waiting");
            assertEquals(c.reason, waiting.path("reason").asText(), c.image);
            assertEquals(c.message, waiting.path("message").asText(), c.image);
            assertEquals("Pending", f.status("web").path("phase").asText(), c.image);
            assertEquals(c.events, f.events("web"), c.image);
        }
    }

    @Test
    void aMissingImageIsTriedAgainAfterTenTwentyFortySeconds() {
        KubeletFixture f = new KubeletFixture(3);
        f.create(KubeletFixture.pod("web", "nginx:nope", "", ""));
        f.settle();
        int pulls = 1;
        for (long wait : new long[]{10, 20, 40}) {
            f.advance(Duration.ofSeconds(wait - 3));
            assertEquals("Normal Pulling Pulling image \"nginx:nope\"" + (pulls > 1 ? " (x" + pulls + ")" : ""),
                    f.events("web").get(0), "before " + wait + "s");
            f.advance(Duration.ofSeconds(5));
            pulls++;
            assertEquals("Normal Pulling Pulling image \"nginx:nope\" (x" + pulls + ")", f.events("web").get(0),
                    "after " + wait + "s");
            f.settle();
            assertEquals("ImagePullBackOff", f.container("web").path("state").path("waiting").path("reason").asText());
        }
    }

    @Test
    void pullsOnANodeAreSharedAndOneAtATime() {
        KubeletFixture f = new KubeletFixture(3);
        f.create(KubeletFixture.pod("a", "nginx:1.27", "", ""));
        f.create(KubeletFixture.pod("b", "nginx:1.27", "", ""));
        f.create(KubeletFixture.pod("c", "busybox:1.36", ",\"command\":[\"sleep\",\"3600\"]", ""));
        assertEquals(Duration.ofMillis(3713), f.settle());
        String nginx = "Normal Pulled Successfully pulled image \"nginx:1.27\" in 2.513s (2.513s including waiting). Image size: 72080558 bytes.";
        assertEquals(nginx, f.events("a").get(1));
        assertEquals(nginx, f.events("b").get(1));
        assertEquals("Normal Pulled Successfully pulled image \"busybox:1.36\" in 1.2s (3.713s including waiting). Image size: 2166802 bytes.",
                f.events("c").get(1));

        f.create(KubeletFixture.pod("d", "nginx:1.27", "", ""));
        assertEquals(Duration.ZERO, f.settle());
        assertEquals(List.of("Normal Pulled Container image \"nginx:1.27\" already present on machine",
                "Normal Created Created container: d", "Normal Started Started container d"), f.events("d"));
        assertEquals("Running", f.status("d").path("phase").asText());
    }
}
