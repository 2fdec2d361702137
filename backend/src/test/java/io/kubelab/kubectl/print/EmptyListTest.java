package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kubectl get cm -n empty -o yaml|json|name|custom-columns=N:.metadata.name}, as kubectl 1.32 prints them. */
class EmptyListTest {

    private final JsonNode serverList;

    EmptyListTest() throws Exception {
        serverList = new ObjectMapper().readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":[]}");
    }

    @Test
    void yaml() {
        assertEquals("""
                apiVersion: v1
                items: []
                kind: List
                metadata:
                  resourceVersion: ""
                """, YamlPrinter.print(ObjectList.fromServerList(serverList)));
    }

    @Test
    void json() {
        assertEquals("""
                {
                    "apiVersion": "v1",
                    "items": [],
                    "kind": "List",
                    "metadata": {
                        "resourceVersion": ""
                    }
                }
                """, JsonPrinter.print(ObjectList.fromServerList(serverList)));
    }

    @Test
    void nameAndCustomColumns() {
        assertEquals("", NamePrinter.print(ObjectList.fromServerList(serverList)));
        assertEquals("N\n", CustomColumns.fromSpec("N:.metadata.name", false).print(List.of(), new MinimalPath()));
    }
}
