package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrategicMergePatchTest {

    private static final PatchSchema DEPLOYMENT = PatchSchema.forKind("apps/v1", "Deployment").orElseThrow();
    private static final PatchSchema POD = PatchSchema.forKind("v1", "Pod").orElseThrow();

    /** A Deployment cut down to what the cases touch; {@code %s} is the pod spec. */
    private static String deployment(String podSpec) {
        return "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"template\":{\"spec\":" + podSpec + "}}}";
    }

    private static final String TWO_CONTAINERS = deployment("{\"containers\":["
            + "{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":80}],"
            + "\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},"
            + "{\"name\":\"log\",\"image\":\"busybox\"}]}");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "kubectl set image¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.27\"}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80}],\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"log\",\"image\":\"busybox\"}]}",
            "apply adds a container where setElementOrder says¦{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"app\"},{\"name\":\"cache\"},{\"name\":\"log\"}],\"containers\":[{\"name\":\"cache\",\"image\":\"redis\"}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":80}],\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"cache\",\"image\":\"redis\"},{\"name\":\"log\",\"image\":\"busybox\"}]}",
            "without setElementOrder a new item goes first¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"cache\",\"image\":\"redis\"}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"cache\",\"image\":\"redis\"},{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":80}],\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"log\",\"image\":\"busybox\"}]}",
            "apply reorders and changes env¦{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"app\"},{\"name\":\"log\"}],\"containers\":[{\"name\":\"app\",\"$setElementOrder/env\":[{\"name\":\"B\"},{\"name\":\"A\"},{\"name\":\"C\"}],\"env\":[{\"name\":\"A\",\"value\":\"9\"},{\"name\":\"C\",\"value\":\"3\"}]}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":80}],\"env\":[{\"name\":\"B\",\"value\":\"2\"},{\"name\":\"A\",\"value\":\"9\"},{\"name\":\"C\",\"value\":\"3\"}]},{\"name\":\"log\",\"image\":\"busybox\"}]}",
            "add a port by containerPort¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"ports\":[{\"containerPort\":443,\"name\":\"https\"}]}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":443,\"name\":\"https\"},{\"containerPort\":80}],\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"log\",\"image\":\"busybox\"}]}",
            "remove a port by containerPort¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"ports\":[{\"containerPort\":80,\"$patch\":\"delete\"}]}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[],\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"log\",\"image\":\"busybox\"}]}",
            "delete a container¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"log\",\"$patch\":\"delete\"}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":80}],\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]}]}",
            "replace the whole list¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"$patch\":\"replace\"},{\"name\":\"only\",\"image\":\"x\"}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"only\",\"image\":\"x\"}]}",
            "null removes a field¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"env\":null}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":80}]},{\"name\":\"log\",\"image\":\"busybox\"}]}",
            "args have no strategy: replaced¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"log\",\"args\":[\"b\"]}],\"tolerations\":[{\"key\":\"k\"}]}}}}¦"
                    + "{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.25\",\"ports\":[{\"containerPort\":80}],\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]},{\"name\":\"log\",\"image\":\"busybox\",\"args\":[\"b\"]}],\"tolerations\":[{\"key\":\"k\"}]}",
    })
    void patchesThePodTemplate(String name, String patch, String expectedPodSpec) {
        ObjectNode result = StrategicMergePatch.apply(Json.object(TWO_CONTAINERS), Json.object(patch), DEPLOYMENT);
        assertEquals(Json.parse(deployment(expectedPodSpec)), result);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "finalizers merge as a set¦{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}¦{\"metadata\":{\"finalizers\":[\"c\",\"a\"]}}¦{\"metadata\":{\"finalizers\":[\"c\",\"a\",\"b\"]}}",
            "deleteFromPrimitiveList¦{\"metadata\":{\"finalizers\":[\"a\",\"b\",\"c\"]}}¦{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"b\"]}}¦{\"metadata\":{\"finalizers\":[\"a\",\"c\"]}}",
            "deleteFromPrimitiveList on a missing list sets it (apimachinery quirk)¦{\"metadata\":{}}¦{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"b\"]}}¦{\"metadata\":{\"finalizers\":[\"b\"]}}",
            "label add and remove¦{\"metadata\":{\"labels\":{\"app\":\"web\",\"x\":\"1\"}}}¦{\"metadata\":{\"labels\":{\"x\":null,\"tier\":\"fe\"}}}¦{\"metadata\":{\"labels\":{\"app\":\"web\",\"tier\":\"fe\"}}}",
            "patch replace on a map¦{\"metadata\":{\"labels\":{\"app\":\"web\",\"x\":\"1\"}}}¦{\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"only\":\"me\"}}}¦{\"metadata\":{\"labels\":{\"only\":\"me\"}}}",
            "patch delete on a map¦{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"paused\":true}}¦{\"spec\":{\"$patch\":\"delete\"}}¦{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{}}",
            "ownerReferences by uid¦{\"metadata\":{\"ownerReferences\":[{\"uid\":\"1\",\"name\":\"a\"},{\"uid\":\"2\",\"name\":\"b\"}]}}¦{\"metadata\":{\"ownerReferences\":[{\"uid\":\"2\",\"name\":\"c\"}]}}¦{\"metadata\":{\"ownerReferences\":[{\"uid\":\"1\",\"name\":\"a\"},{\"uid\":\"2\",\"name\":\"c\"}]}}",
            "retainKeys: RollingUpdate to Recreate clears rollingUpdate¦{\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":\"25%\"}}}}¦{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}¦{\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}",
            "retainKeys as kubectl apply sends it¦{\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":\"25%\"}}}}¦{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"rollingUpdate\":null,\"type\":\"Recreate\"}}}¦{\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}",
            "without retainKeys the strategy merges¦{\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":\"25%\"}}}}¦{\"spec\":{\"strategy\":{\"type\":\"Recreate\"}}}¦{\"spec\":{\"strategy\":{\"type\":\"Recreate\",\"rollingUpdate\":{\"maxSurge\":\"25%\"}}}}",
            "volume retainKeys switches the source¦{\"spec\":{\"template\":{\"spec\":{\"volumes\":[{\"name\":\"data\",\"emptyDir\":{}}]}}}}¦{\"spec\":{\"template\":{\"spec\":{\"volumes\":[{\"$retainKeys\":[\"configMap\",\"name\"],\"name\":\"data\",\"configMap\":{\"name\":\"cm\"}}]}}}}¦{\"spec\":{\"template\":{\"spec\":{\"volumes\":[{\"name\":\"data\",\"configMap\":{\"name\":\"cm\"}}]}}}}",
            "volumeMounts by mountPath¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"volumeMounts\":[{\"name\":\"v\",\"mountPath\":\"/d\"}]}]}}}}¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"volumeMounts\":[{\"name\":\"w\",\"mountPath\":\"/d\",\"readOnly\":true}]}]}}}}¦{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"volumeMounts\":[{\"name\":\"w\",\"mountPath\":\"/d\",\"readOnly\":true}]}]}}}}",
    })
    void appliesDirectives(String name, String original, String patch, String expected) {
        assertEquals(Json.parse(expected), StrategicMergePatch.apply(Json.object(original), Json.object(patch), DEPLOYMENT));
    }

    /** Upstream strategicpatch test data ("set elements order in a list with server-only items 2", ...). */
    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "[{\"type\":\"1\",\"o\":\"a\"},{\"type\":\"2\",\"v\":2},{\"type\":\"9\"},{\"type\":\"3\"},{\"type\":\"4\"}]¦{\"$setElementOrder/conditions\":[{\"type\":\"2\"},{\"type\":\"1\"},{\"type\":\"4\"},{\"type\":\"3\"}]}¦[{\"type\":\"2\",\"v\":2},{\"type\":\"1\",\"o\":\"a\"},{\"type\":\"9\"},{\"type\":\"4\"},{\"type\":\"3\"}]",
            "[{\"type\":\"1\",\"o\":\"a\"},{\"type\":\"2\",\"v\":2},{\"type\":\"3\",\"v\":3}]¦{\"$setElementOrder/conditions\":[{\"type\":\"4\"},{\"type\":\"2\"},{\"type\":\"1\"}],\"conditions\":[{\"type\":\"4\",\"v\":4},{\"type\":\"3\",\"$patch\":\"delete\"}]}¦[{\"type\":\"4\",\"v\":4},{\"type\":\"2\",\"v\":2},{\"type\":\"1\",\"o\":\"a\"}]",
    })
    void ordersPodConditionsLikeUpstream(String live, String statusPatch, String expected) {
        ObjectNode pod = Json.object("{\"status\":{\"conditions\":" + live + "}}");
        ObjectNode result = StrategicMergePatch.apply(pod, Json.object("{\"status\":" + statusPatch + "}"), POD);
        assertEquals(Json.parse(expected), result.at("/status/conditions"));
    }

    @Test
    void withoutSchemaListsAreReplacedAndMapsMerged() {
        ObjectNode result = StrategicMergePatch.apply(
                Json.object("{\"spec\":{\"items\":[{\"name\":\"a\"}],\"m\":{\"x\":1,\"y\":2}}}"),
                Json.object("{\"spec\":{\"items\":[{\"name\":\"b\"}],\"m\":{\"y\":null,\"z\":3}}}"), PatchSchema.UNSTRUCTURED);
        assertEquals(Json.parse("{\"spec\":{\"items\":[{\"name\":\"b\"}],\"m\":{\"x\":1,\"z\":3}}}"), result);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{\"spec\":{\"template\":{\"$patch\":\"foo\",\"a\":\"b\"}}}¦500¦unknown patch type: foo in map: map[$patch:foo a:b]",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}}}¦500¦map: map[image:x] does not contain declared merge key: name",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"$patch\":\"merge\"}]}}}}¦500¦merging lists cannot yet be specified in the patch",
            "{\"spec\":{\"strategy\":{\"$retainKeys\":\"type\",\"type\":\"Recreate\"}}}¦400¦invalid patch format of retainKeys",
            "{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"rollingUpdate\":{}}}}¦400¦invalid patch format of retainKeys",
            "{\"metadata\":{\"$deleteFromPrimitiveList\":[\"a\"]}}¦400¦invalid patch format of primitive list",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[[\"x\"]]}}}}¦500¦list element types are not identical: [[map[env:[map[name:A value:1] map[name:B value:2]] image:nginx:1.25 name:app ports:[map[containerPort:80]]] map[image:busybox name:log]] [[x]]]",
    })
    void rejectsMalformedDirectives(String patch, int code, String message) {
        String original = TWO_CONTAINERS.replace("\"spec\":{\"template\"",
                "\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\"},\"template\"");
        PatchException e = assertThrows(PatchException.class,
                () -> StrategicMergePatch.apply(Json.object(original), Json.object(patch), DEPLOYMENT));
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void listsOfListsAreGeneric422() {
        PatchException e = assertThrows(PatchException.class, () -> StrategicMergePatch.apply(
                Json.object("{\"metadata\":{\"finalizers\":[]}}"), Json.object("{\"metadata\":{\"finalizers\":[[\"x\"]]}}"),
                DEPLOYMENT));
        assertEquals(422, e.code());
        assertEquals(PatchException.GENERIC_422, e.getMessage());
        assertEquals("lists of lists are not supported", e.detail());
    }

    @Test
    void setElementOrderMustAgreeWithThePatchList() {
        PatchException e = assertThrows(PatchException.class, () -> StrategicMergePatch.apply(
                Json.object(TWO_CONTAINERS), Json.object("{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":"
                        + "[{\"name\":\"log\"}],\"containers\":[{\"name\":\"app\",\"image\":\"x\"}]}}}}"), DEPLOYMENT));
        assertEquals(500, e.code());
        assertEquals("", e.reason());
        assertEquals("The order in patch list:\n[map[image:x name:app]]\n doesn't match $setElementOrder list:\n"
                + "[map[name:log]]\n", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":{\"name\":\"app\"}}}}}¦ \"\" is invalid: patch: Invalid value: \"map[spec:map[template:map[spec:map[containers:map[name:app]]]]]\": cannot restore slice from map",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"env\":\"prod\"}]}}}}¦ \"\" is invalid: patch: Invalid value: \"map[spec:map[template:map[spec:map[containers:[map[env:prod name:app]]]]]]\": cannot restore slice from string",
            "{\"spec\":{\"strategy\":\"Recreate\"}}¦ \"\" is invalid: patch: Invalid value: \"map[spec:map[strategy:Recreate]]\": cannot restore struct from: string",
    })
    void wrongShapesFailConversionAs422(String patch, String message) {
        PatchException e = assertThrows(PatchException.class,
                () -> StrategicMergePatch.apply(Json.object(TWO_CONTAINERS), Json.object(patch), DEPLOYMENT));
        assertEquals(422, e.code());
        assertEquals("Invalid", e.reason());
        assertEquals(message, e.getMessage());
        assertEquals("patch", e.status().details().orElseThrow().causes().get(0).field());
    }

    @Test
    void nonObjectBodyIsBadRequest() {
        PatchException e = assertThrows(PatchException.class,
                () -> StrategicMergePatch.apply(Json.object("{}"), Json.parse("[1]"), DEPLOYMENT));
        assertEquals(400, e.code());
        assertEquals("json: cannot unmarshal array into Go value of type map[string]interface {}", e.getMessage());
    }

    @Test
    void neverMutatesItsInputs() {
        String patch = "{\"metadata\":{\"finalizers\":[\"z\"]},\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"},"
                + "\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"log\"},{\"name\":\"app\"}],"
                + "\"containers\":[{\"name\":\"app\",\"env\":[{\"name\":\"A\",\"$patch\":\"delete\"}]}]}}}}";
        String original = TWO_CONTAINERS.replace("\"name\":\"web\"", "\"name\":\"web\",\"finalizers\":[\"a\"]")
                .replace("\"spec\":{\"template\"", "\"spec\":{\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{}},\"template\"");
        ObjectNode originalNode = Json.object(original);
        ObjectNode patchNode = Json.object(patch);
        ObjectNode result = StrategicMergePatch.apply(originalNode, patchNode, DEPLOYMENT);
        assertEquals(Json.parse(original), originalNode);
        assertEquals(Json.parse(patch), patchNode);
        assertEquals(Json.parse("[\"z\",\"a\"]"), result.at("/metadata/finalizers"));
        assertEquals(Json.parse("{\"type\":\"Recreate\"}"), result.at("/spec/strategy"));
        assertEquals("log", result.at("/spec/template/spec/containers/0/name").textValue());
        assertEquals(Json.parse("[{\"name\":\"B\",\"value\":\"2\"}]"), result.at("/spec/template/spec/containers/1/env"));
    }
}
