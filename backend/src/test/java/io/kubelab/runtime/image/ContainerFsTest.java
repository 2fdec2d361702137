package io.kubelab.runtime.image;

import io.kubelab.runtime.image.container.ContainerFs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerFsTest {

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void readsTheStateAtAGivenTime() {
        ContainerFs fs = new ContainerFs(Map.of("/etc", ContainerFs.DIRECTORY, "/etc/motd", "hi\n", "/tmp", ContainerFs.DIRECTORY),
                Sandbox.files(Map.of("/config/app.conf", "a=1\n")));
        fs.write("/tmp/healthy", "", s(0));
        fs.remove("/tmp/healthy", s(30));
        assertEquals(Optional.of(""), fs.read("/tmp/healthy", s(10)));
        assertEquals(Optional.empty(), fs.read("/tmp/healthy", s(31)));
        assertEquals(List.of("healthy"), fs.list("/tmp", s(10)));
        assertEquals(List.of(), fs.list("/tmp", s(31)));
        assertEquals(Optional.of("a=1\n"), fs.read("/config/app.conf", s(0)));
        assertTrue(fs.isDirectory("/config", s(0)));
        assertEquals(Optional.of("hi\n"), fs.read("/etc/../etc/./motd", s(0)));
    }

    @Test
    void aRunawayWriterKeepsItsEarlyHistory() {
        ContainerFs fs = new ContainerFs(Map.of("/tmp", ContainerFs.DIRECTORY), ContainerStart.Files.NONE);
        for (int i = 0; i < 10_000; i++) {
            fs.write("/tmp/n", Integer.toString(i), s(i));
        }
        assertEquals(Optional.of("5"), fs.read("/tmp/n", s(5)));
        assertEquals(Optional.of("9999"), fs.read("/tmp/n", s(20_000)));
        assertFalse(fs.read("/tmp/other", s(1)).isPresent());
    }
}
