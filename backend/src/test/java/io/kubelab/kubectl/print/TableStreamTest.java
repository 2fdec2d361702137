package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code kubectl get -w}: each chunk is flushed on its own, the header comes once, and columns keep the widest
 * width seen so far (liggitt/tabwriter's RememberWidths) so a narrower row still lines up with the first chunk.
 * {@code watch.txt} is what the real kubectl 1.32 printed for {@code get leases -w} when the stub served the
 * list and then the watch events of {@code watch.tables.json} (later events without column definitions);
 * {@code watch-events.txt} the same with {@code --output-watch-events}.
 */
class TableStreamTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode table(boolean withColumns, String... rows) throws Exception {
        StringBuilder json = new StringBuilder("{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"columnDefinitions\":");
        json.append(withColumns ? "[{\"name\":\"Name\",\"type\":\"string\",\"format\":\"name\",\"priority\":0},"
                + "{\"name\":\"Status\",\"type\":\"string\",\"format\":\"\",\"priority\":0},"
                + "{\"name\":\"Age\",\"type\":\"string\",\"format\":\"\",\"priority\":0}]" : "[]");
        json.append(",\"rows\":[");
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].split(" ");
            json.append(i == 0 ? "" : ",").append("{\"cells\":[\"").append(String.join("\",\"", cells))
                    .append("\"],\"object\":null}");
        }
        return (ObjectNode) JSON.readTree(json.append("]}").toString());
    }

    @Test
    void laterRowsKeepTheWidthsOfEarlierChunks() throws Exception {
        TableStream stream = new TableStream("Pod", true, TableOptions.plain());
        assertEquals("""
                NAME                   STATUS    AGE
                web-5c94f75b5d-m6pfw   Running   12m
                """, stream.next(table(true, "web-5c94f75b5d-m6pfw Running 12m")));
        assertEquals("""
                db-0                   ContainerCreating   0s
                """, stream.next(table(true, "db-0 ContainerCreating 0s")));
        assertEquals("""
                db-0                   Running             5s
                """, stream.next(table(false, "db-0 Running 5s")));
    }

    @Test
    void printsAWatchAsKubectl() throws Exception {
        Path dir = Path.of("src/test/resources/golden/kubectl/get");
        TableStream stream = new TableStream("Lease.coordination.k8s.io", true, TableOptions.plain());
        StringBuilder out = new StringBuilder();
        for (var table : JSON.readTree(Files.readString(dir.resolve("watch.tables.json")))) {
            out.append(stream.next((ObjectNode) table));
        }
        assertEquals(Files.readString(dir.resolve("watch.txt")), out.toString());
    }

    @Test
    void printsWatchEventsAsKubectl() throws Exception {
        Path dir = Path.of("src/test/resources/golden/kubectl/get");
        TableStream stream = new TableStream("Lease.coordination.k8s.io", true, TableOptions.plain());
        String[] types = {"ADDED", "ADDED", "MODIFIED", "ADDED", "DELETED"};
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (var table : JSON.readTree(Files.readString(dir.resolve("watch.tables.json")))) {
            out.append(stream.next((ObjectNode) table, types[i++]));
        }
        assertEquals(Files.readString(dir.resolve("watch-events.txt")), out.toString());
    }

    @Test
    void theHeaderWaitsForTheFirstRow() throws Exception {
        TableStream stream = new TableStream("Pod", true, TableOptions.plain());
        assertEquals("", stream.next(table(true)));
        assertEquals("""
                NAME   STATUS    AGE
                a      Pending   0s
                """, stream.next(table(true, "a Pending 0s")));
    }
}
