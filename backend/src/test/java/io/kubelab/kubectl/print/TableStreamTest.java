package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code kubectl get -w}: each chunk is flushed on its own, the header comes once, and columns keep the widest
 * width seen so far (liggitt/tabwriter's RememberWidths) so a narrower row still lines up with the first chunk.
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
    void theHeaderWaitsForTheFirstRow() throws Exception {
        TableStream stream = new TableStream("Pod", true, TableOptions.plain());
        assertEquals("", stream.next(table(true)));
        assertEquals("""
                NAME   STATUS    AGE
                a      Pending   0s
                """, stream.next(table(true, "a Pending 0s")));
    }
}
