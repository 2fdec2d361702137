package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** cli-runtime's NamePrinter: kind[.group]/name, with the operation and kubectl's dry-run wording. */
class NamePrinterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode object(String apiVersion, String kind, String name) throws Exception {
        return JSON.readTree("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"" + name + "\"}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v1|Pod|web|''|NONE|pod/web",
            "apps/v1|Deployment|web|created|NONE|deployment.apps/web created",
            "apps/v1|Deployment|web|created|CLIENT|deployment.apps/web created (dry run)",
            "v1|ConfigMap|one|created|CLIENT|configmap/one created (dry run)",
            "v1|Service|web|configured|SERVER|service/web configured (server dry run)",
            "rbac.authorization.k8s.io/v1|ClusterRoleBinding|admin|deleted|NONE|clusterrolebinding.rbac.authorization.k8s.io/admin deleted",
            "networking.k8s.io/v1|Ingress|''|created|NONE|ingress.networking.k8s.io/<unknown> created",
            "autoscaling/v2|HorizontalPodAutoscaler|web|autoscaled|NONE|horizontalpodautoscaler.autoscaling/web autoscaled",
    })
    void printsTheNameAndOperation(String apiVersion, String kind, String name, String verb, NamePrinter.DryRun dryRun,
                                   String expected) throws Exception {
        assertEquals(expected + "\n", NamePrinter.print(object(apiVersion, kind, name), verb, dryRun));
    }

    @Test
    void printsEachItemOfAListWithTheListsKind() throws Exception {
        JsonNode list = JSON.readTree("{\"apiVersion\":\"apps/v1\",\"kind\":\"DeploymentList\",\"items\":["
                + "{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"}}]}");
        assertEquals("deployment.apps/a\ndeployment.apps/b\n", NamePrinter.print(list));
    }

    @Test
    void refusesAnObjectWithoutKind() throws Exception {
        JsonNode noKind = JSON.readTree("{\"metadata\":{\"name\":\"x\"}}");
        assertEquals("missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type",
                assertThrows(PrintException.class, () -> NamePrinter.print(noKind)).getMessage());
    }
}
