package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several objects through one printer, as {@code kubectl create -f two.yaml --dry-run=client -o yaml|json} prints
 * them (expected text from the real kubectl 1.32), and typed objects in their own field order.
 */
class PrintEachTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> twoConfigMaps() throws Exception {
        return List.of(
                JSON.readTree("{\"metadata\":{\"namespace\":\"default\",\"name\":\"one\"},\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\"}"),
                JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"two\",\"namespace\":\"default\"}}"));
    }

    @Test
    void yamlDocumentsAreSeparated() throws Exception {
        assertEquals("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: one
                  namespace: default
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: two
                  namespace: default
                """, YamlPrinter.printEach(twoConfigMaps()));
    }

    @Test
    void jsonObjectsFollowEachOther() throws Exception {
        assertEquals("""
                {
                    "apiVersion": "v1",
                    "kind": "ConfigMap",
                    "metadata": {
                        "name": "one",
                        "namespace": "default"
                    }
                }
                {
                    "apiVersion": "v1",
                    "kind": "ConfigMap",
                    "metadata": {
                        "name": "two",
                        "namespace": "default"
                    }
                }
                """, JsonPrinter.printEach(twoConfigMaps()));
    }

    @Test
    void typedObjectsKeepTheirFieldOrderInJsonButNotInYaml() throws Exception {
        // kubectl create configmap x --from-literal=a=b --dry-run=client -o json|yaml
        JsonNode typed = JSON.readTree("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\","
                + "\"creationTimestamp\":null},\"data\":{\"a\":\"b\"}}");
        assertEquals("""
                {
                    "kind": "ConfigMap",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "x",
                        "creationTimestamp": null
                    },
                    "data": {
                        "a": "b"
                    }
                }
                """, JsonPrinter.printInOrder(typed));
        assertEquals("""
                apiVersion: v1
                data:
                  a: b
                kind: ConfigMap
                metadata:
                  creationTimestamp: null
                  name: x
                """, YamlPrinter.print(typed));
    }
}
