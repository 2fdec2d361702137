package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** kubectl get -o yaml leaves managedFields out (expected text from the real kubectl 1.32). */
class OmitManagedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void yamlWithoutManagedFields() throws Exception {
        JsonNode cm = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"mf\","
                + "\"namespace\":\"default\",\"managedFields\":[{\"manager\":\"kubectl\",\"operation\":\"Update\"}]},"
                + "\"data\":{\"a\":\"b\"}}");
        assertEquals("""
                apiVersion: v1
                data:
                  a: b
                kind: ConfigMap
                metadata:
                  name: mf
                  namespace: default
                """, YamlPrinter.print(OmitManagedFields.omit(cm)));
        assertEquals(1, cm.path("metadata").path("managedFields").size(), "the input is left alone");
    }

    @Test
    void listItemsLoseThemToo() throws Exception {
        JsonNode list = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"metadata\":{\"name\":\"a\","
                + "\"managedFields\":[]}}],\"metadata\":{\"resourceVersion\":\"\"}}");
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"metadata\":{\"name\":\"a\"}}],"
                + "\"metadata\":{\"resourceVersion\":\"\"}}", OmitManagedFields.omit(list).toString());
    }

    @Test
    void objectsWithoutManagedFieldsAreNotCopied() throws Exception {
        JsonNode pod = PrintGolden.input("pod");
        assertSame(pod, OmitManagedFields.omit(pod));
    }
}
