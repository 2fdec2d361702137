package io.kubelab.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {

    @Test
    void defaultsRunOneEmbeddedMemberOnLoopback() {
        ServerConfig c = ServerConfig.from(Map.of());
        assertEquals("0.0.0.0", c.host());
        assertEquals(8080, c.port());
        assertEquals(Path.of("./data"), c.dataDir());
        assertFalse(c.clustered());
        assertEquals(5701, c.hazelcastPort());
        assertEquals("127.0.0.1", c.hazelcastHost());
        assertEquals(1, c.backupCount());
        assertTrue(c.anonymousSandboxes());
        assertEquals(Duration.ofHours(24), c.sandboxLifetime());
        assertEquals(Duration.ofSeconds(1), c.shutdownDelay());
    }

    @Test
    void clusterModeFromTheMemberList() {
        ServerConfig c = ServerConfig.from(Map.of("KUBELAB_CLUSTER_MEMBERS", " 127.0.0.1:5801, 127.0.0.1:5802 ,",
                "KUBELAB_HZ_PORT", "5802", "PORT", "9090", "KUBELAB_PUBLIC_URL", "https://lab.example.org/"));
        assertTrue(c.clustered());
        assertEquals(List.of("127.0.0.1:5801", "127.0.0.1:5802"), c.clusterMembers());
        assertEquals(5802, c.hazelcastPort());
        assertEquals(9090, c.port());
        assertEquals("https://lab.example.org", c.publicUrl().orElseThrow());
    }

    @Test
    void badSettingsNameTheVariable() {
        assertEquals("PORT=http: not a whole number",
                assertThrows(ServerConfig.InvalidSetting.class, () -> ServerConfig.from(Map.of("PORT", "http"))).getMessage());
        assertEquals("KUBELAB_HZ_PORT=70000: must be between 1 and 65535",
                assertThrows(ServerConfig.InvalidSetting.class,
                        () -> ServerConfig.from(Map.of("KUBELAB_HZ_PORT", "70000"))).getMessage());
        assertEquals("KUBELAB_SANDBOX_LIFETIME=4 hours: time: unknown unit \" hours\" in duration \"4 hours\" "
                        + "(write e.g. 30s, 5m, 24h)",
                assertThrows(ServerConfig.InvalidSetting.class,
                        () -> ServerConfig.from(Map.of("KUBELAB_SANDBOX_LIFETIME", "4 hours"))).getMessage());
        assertEquals("KUBELAB_ANONYMOUS_SANDBOXES=maybe: use true or false",
                assertThrows(ServerConfig.InvalidSetting.class,
                        () -> ServerConfig.from(Map.of("KUBELAB_ANONYMOUS_SANDBOXES", "maybe"))).getMessage());
    }
}
