package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.apiserver.PodLogs;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerConfigTest {

    static void create(KubeletFixture f, String kind, String json) {
        f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("v1", kind), "default", "")
                .withBody(KubeletFixture.json(json)));
    }

    static final String CONFIG = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\"},"
            + "\"data\":{\"mode\":\"fast\",\"level\":\"3\"}}";

    @Test
    void aMissingConfigMapHoldsTheContainerUntilItExists() {
        KubeletFixture f = new KubeletFixture(4);
        f.create(KubeletFixture.pod("app", "busybox:1.36", ",\"command\":[\"sleep\",\"3600\"],\"env\":[{\"name\":\"MODE\","
                + "\"valueFrom\":{\"configMapKeyRef\":{\"name\":\"cfg\",\"key\":\"mode\"}}}]", ""));
        assertTrue(f.settleStable());
        JsonNode waiting = f.container("app").path("state").path("waiting");
        assertEquals("CreateContainerConfigError", waiting.path("reason").asText());
        assertEquals("configmap \"cfg\" not found", waiting.path("message").asText());
        assertEquals("Pending", f.status("app").path("phase").asText());
        assertEquals("Warning Failed Error: configmap \"cfg\" not found", f.events("app").get(2));

        f.advance(Duration.ofSeconds(10));
        assertEquals("Warning Failed Error: configmap \"cfg\" not found (x2)", f.events("app").get(2));
        create(f, "ConfigMap", CONFIG);
        assertEquals(Duration.ZERO, f.settle());
        assertEquals("Running", f.status("app").path("phase").asText());
        assertEquals("Normal Started Started container app", f.events("app").get(f.events("app").size() - 1));
    }

    @Test
    void aMissingVolumeSourceFailsTheMountUntilItExists() {
        KubeletFixture f = new KubeletFixture(4);
        f.create(KubeletFixture.pod("app", "nginx:1.27", ",\"volumeMounts\":[{\"name\":\"config\",\"mountPath\":\"/etc/config\"}]",
                ",\"volumes\":[{\"name\":\"config\",\"configMap\":{\"name\":\"cfg\"}}]"));
        assertTrue(f.settleStable());
        assertEquals("ContainerCreating", f.container("app").path("state").path("waiting").path("reason").asText());
        assertEquals("False", f.condition("app", "PodReadyToStartContainers"));
        assertEquals("", f.status("app").path("podIP").asText());
        String failed = "Warning FailedMount MountVolume.SetUp failed for volume \"config\" : configmap \"cfg\" not found";
        assertEquals(List.of(failed), f.events("app"));
        f.advance(Duration.ofSeconds(2));
        assertEquals(List.of(failed + " (x3)"), f.events("app"));
        create(f, "ConfigMap", CONFIG);
        assertEquals(Duration.ofMillis(2513), f.settle());
        assertEquals("Running", f.status("app").path("phase").asText());
    }

    @Test
    void theEnvironmentAndFilesAreResolvedAsTheKubeletDoes() {
        KubeletFixture f = new KubeletFixture(4);
        create(f, "ConfigMap", CONFIG);
        create(f, "Secret", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\"},"
                + "\"data\":{\"password\":\"czNjcjN0\"}}");
        create(f, "Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web-api\"},"
                + "\"spec\":{\"clusterIP\":\"10.96.100.7\",\"ports\":[{\"name\":\"http\",\"port\":80}]}}");
        f.create(KubeletFixture.pod("app", "printenv:1", ",\"command\":[\"run\",\"$(MODE)\",\"$$(MODE)\"],"
                + "\"envFrom\":[{\"prefix\":\"CFG_\",\"configMapRef\":{\"name\":\"cfg\"}}],"
                + "\"env\":[{\"name\":\"MODE\",\"valueFrom\":{\"configMapKeyRef\":{\"name\":\"cfg\",\"key\":\"mode\"}}},"
                + "{\"name\":\"GREETING\",\"value\":\"mode-$(MODE)-$(NOPE)\"},"
                + "{\"name\":\"PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"db\",\"key\":\"password\"}}},"
                + "{\"name\":\"POD\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"metadata.name\"}}},"
                + "{\"name\":\"IP\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"status.podIP\"}}},"
                + "{\"name\":\"NODE\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"spec.nodeName\"}}},"
                + "{\"name\":\"MEM\",\"valueFrom\":{\"resourceFieldRef\":{\"resource\":\"limits.memory\",\"divisor\":\"1Mi\"}}}],"
                + "\"resources\":{\"limits\":{\"memory\":\"128Mi\"}},"
                + "\"volumeMounts\":[{\"name\":\"config\",\"mountPath\":\"/etc/config\"},{\"name\":\"info\",\"mountPath\":\"/etc/info\"}]",
                ",\"volumes\":[{\"name\":\"config\",\"configMap\":{\"name\":\"cfg\",\"items\":[{\"key\":\"level\",\"path\":\"app/level\"},"
                        + "{\"key\":\"mode\",\"path\":\"mode.txt\"}]}},"
                        + "{\"name\":\"info\",\"downwardAPI\":{\"items\":[{\"path\":\"labels\",\"fieldRef\":{\"fieldPath\":\"metadata.namespace\"}}]}}]"));
        f.settle();
        List<String> lines = f.cluster.logs().read("default", "app", "app", false).stream().map(PodLogs.Line::text).toList();
        assertEquals(List.of(
                "ARGV=run fast $(MODE)|",
                "CFG_mode=fast",
                "CFG_level=3",
                "MODE=fast",
                "GREETING=mode-fast-$(NOPE)",
                "PASSWORD=s3cr3t",
                "POD=app",
                "IP=10.244.1.2",
                "NODE=node01",
                "MEM=128",
                "KUBERNETES_SERVICE_HOST=10.96.0.1",
                "KUBERNETES_SERVICE_PORT=443",
                "KUBERNETES_SERVICE_PORT_HTTPS=443",
                "KUBERNETES_PORT=tcp://10.96.0.1:443",
                "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443",
                "KUBERNETES_PORT_443_TCP_PROTO=tcp",
                "KUBERNETES_PORT_443_TCP_PORT=443",
                "KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1",
                "WEB_API_SERVICE_HOST=10.96.100.7",
                "WEB_API_SERVICE_PORT=80",
                "WEB_API_SERVICE_PORT_HTTP=80",
                "WEB_API_PORT=tcp://10.96.100.7:80",
                "WEB_API_PORT_80_TCP=tcp://10.96.100.7:80",
                "WEB_API_PORT_80_TCP_PROTO=tcp",
                "WEB_API_PORT_80_TCP_PORT=80",
                "WEB_API_PORT_80_TCP_ADDR=10.96.100.7",
                "FILE /etc/config/mode.txt=fast",
                "FILE /etc/info/labels=default",
                "HOSTNAME=app MEMORY=134217728"), lines);
    }
}
