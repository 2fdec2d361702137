package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonPatchTest {

    private static final String DOC = "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"web\",\"a/b\":\"x\",\"m~n\":\"y\"}},"
            + "\"spec\":{\"replicas\":1,\"list\":[\"a\",\"b\",\"c\"]}}";

    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            // add: new key, replace existing key, into a list by index, at the end with "-", negative index
            "[{\"op\":\"add\",\"path\":\"/metadata/labels/tier\",\"value\":\"fe\"}]¦/metadata/labels/tier¦\"fe\"",
            "[{\"op\":\"add\",\"path\":\"/spec/replicas\",\"value\":3}]¦/spec/replicas¦3",
            "[{\"op\":\"add\",\"path\":\"/spec/list/1\",\"value\":\"z\"}]¦/spec/list¦[\"a\",\"z\",\"b\",\"c\"]",
            "[{\"op\":\"add\",\"path\":\"/spec/list/-\",\"value\":\"z\"}]¦/spec/list¦[\"a\",\"b\",\"c\",\"z\"]",
            "[{\"op\":\"add\",\"path\":\"/spec/list/3\",\"value\":\"z\"}]¦/spec/list¦[\"a\",\"b\",\"c\",\"z\"]",
            "[{\"op\":\"add\",\"path\":\"/spec/list/-1\",\"value\":\"z\"}]¦/spec/list¦[\"a\",\"b\",\"c\",\"z\"]",
            // remove, by key and by index
            "[{\"op\":\"remove\",\"path\":\"/metadata/labels/app\"}]¦/metadata/labels¦{\"a/b\":\"x\",\"m~n\":\"y\"}",
            "[{\"op\":\"remove\",\"path\":\"/spec/list/0\"}]¦/spec/list¦[\"b\",\"c\"]",
            // pointer escapes: ~1 is '/', ~0 is '~'
            "[{\"op\":\"remove\",\"path\":\"/metadata/labels/a~1b\"},{\"op\":\"remove\",\"path\":\"/metadata/labels/m~0n\"}]¦/metadata/labels¦{\"app\":\"web\"}",
            // replace; v4 also 'replaces' a missing object key by adding it
            "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]¦/spec/replicas¦5",
            "[{\"op\":\"replace\",\"path\":\"/spec/list/2\",\"value\":\"q\"}]¦/spec/list¦[\"a\",\"b\",\"q\"]",
            "[{\"op\":\"replace\",\"path\":\"/spec/paused\",\"value\":true}]¦/spec/paused¦true",
            // move and copy
            "[{\"op\":\"move\",\"from\":\"/metadata/labels/app\",\"path\":\"/metadata/labels/name\"}]¦/metadata/labels¦{\"name\":\"web\",\"a/b\":\"x\",\"m~n\":\"y\"}",
            "[{\"op\":\"move\",\"from\":\"/spec/list/0\",\"path\":\"/spec/list/-\"}]¦/spec/list¦[\"b\",\"c\",\"a\"]",
            "[{\"op\":\"copy\",\"from\":\"/metadata/name\",\"path\":\"/metadata/labels/name\"}]¦/metadata/labels/name¦\"web\"",
            "[{\"op\":\"copy\",\"from\":\"/spec/list\",\"path\":\"/spec/other\"}]¦/spec/other¦[\"a\",\"b\",\"c\"]",
            // test that passes, then a change
            "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"web\"},{\"op\":\"replace\",\"path\":\"/metadata/name\",\"value\":\"api\"}]¦/metadata/name¦\"api\"",
            "[{\"op\":\"test\",\"path\":\"/spec/list\",\"value\":[\"a\",\"b\",\"c\"]}]¦/spec/replicas¦1",
            "[{\"op\":\"test\",\"path\":\"/spec/absent\",\"value\":null}]¦/spec/replicas¦1",
            "null¦/spec/replicas¦1",
    })
    void appliesEachOperation(String patch, String pointer, String expected) {
        JsonNode result = JsonPatch.apply(Json.parse(DOC), Json.parse(patch));
        assertEquals(Json.parse(expected), result.at(pointer));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "[{\"op\":\"remove\",\"path\":\"/metadata/labels/x\"}]¦error in remove for path: '/metadata/labels/x': Unable to remove nonexistent key: x: missing value",
            "[{\"op\":\"remove\",\"path\":\"/spec/list/5\"}]¦error in remove for path: '/spec/list/5': Unable to access invalid index: 5: invalid index referenced",
            "[{\"op\":\"add\",\"path\":\"/spec/template/spec\",\"value\":{}}]¦add operation does not apply: doc is missing path: \"/spec/template/spec\": missing value",
            "[{\"op\":\"add\",\"path\":\"/spec/list/9\",\"value\":1}]¦error in add for path: '/spec/list/9': Unable to access invalid index: 9: invalid index referenced",
            "[{\"op\":\"add\",\"path\":\"/spec/list/x\",\"value\":1}]¦error in add for path: '/spec/list/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax",
            "[{\"op\":\"add\",\"value\":1}]¦add operation failed to decode path: missing value",
            "[{\"op\":\"replace\",\"path\":\"/spec/list/7\",\"value\":1}]¦replace operation does not apply: doc is missing key: /spec/list/7: missing value",
            "[{\"op\":\"replace\",\"path\":\"/nope/x\",\"value\":1}]¦replace operation does not apply: doc is missing path: /nope/x: missing value",
            "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"api\"}]¦testing value /metadata/name failed: test failed",
            "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":\"1\"}]¦testing value /spec/replicas failed: test failed",
            "[{\"op\":\"test\",\"path\":\"/spec/list\",\"value\":[\"a\"]}]¦testing value /spec/list failed: test failed",
            "[{\"op\":\"move\",\"from\":\"/metadata/x\",\"path\":\"/metadata/y\"}]¦error in move for path: 'x': Unable to remove nonexistent key: x: missing value",
            "[{\"op\":\"copy\",\"from\":\"/a/b\",\"path\":\"/metadata/y\"}]¦copy operation does not apply: doc is missing from path: /a/b: missing value",
            "[{\"op\":\"increment\",\"path\":\"/spec/replicas\"}]¦Unexpected kind: increment",
            "[{\"path\":\"/spec/replicas\"}]¦Unexpected kind: unknown",
            "[{\"op\":\"replace\",\"path\":\"\",\"value\":{}}]¦replace operation does not apply: doc is missing path: : missing value",
    })
    void failuresAreGeneric422WithTheLibraryDetail(String patch, String detail) {
        PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(Json.parse(DOC), Json.parse(patch)));
        assertEquals(422, e.code());
        assertEquals("Invalid", e.reason());
        assertEquals("the server rejected our request due to an error in our request", e.getMessage());
        assertEquals(detail, e.detail());
        assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"the server rejected our request due to an error in our request\",\"reason\":\"Invalid\","
                + "\"details\":{},\"code\":422}", e.status().toJson().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{\"op\":\"add\"}¦json: cannot unmarshal object into Go value of type jsonpatch.Patch",
            "[\"add\"]¦json: cannot unmarshal string into Go value of type jsonpatch.Operation",
            "7¦json: cannot unmarshal number into Go value of type jsonpatch.Patch",
    })
    void undecodablePatchIsBadRequest(String patch, String message) {
        PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(Json.parse(DOC), Json.parse(patch)));
        assertEquals(400, e.code());
        assertEquals("BadRequest", e.reason());
        assertEquals(message, e.getMessage());
    }

    @Test
    void tooManyOperationsIs413() {
        StringBuilder patch = new StringBuilder("[");
        for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
            patch.append(i == 0 ? "" : ",").append("{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":1}");
        }
        PatchException e = assertThrows(PatchException.class,
                () -> JsonPatch.apply(Json.parse(DOC), Json.parse(patch.append(']').toString())));
        assertEquals(413, e.code());
        assertEquals("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001",
                e.getMessage());
    }

    @Test
    void neverMutatesItsInputs() {
        JsonNode doc = Json.parse(DOC);
        JsonNode patch = Json.parse("[{\"op\":\"add\",\"path\":\"/spec/list/-\",\"value\":{\"k\":[1]}},"
                + "{\"op\":\"add\",\"path\":\"/spec/list/3/k/-\",\"value\":2},"
                + "{\"op\":\"remove\",\"path\":\"/metadata/labels/app\"},"
                + "{\"op\":\"copy\",\"from\":\"/spec\",\"path\":\"/copy\"},{\"op\":\"add\",\"path\":\"/copy/replicas\",\"value\":9}]");
        JsonNode result = JsonPatch.apply(doc, patch);
        assertEquals(Json.parse(DOC), doc);
        assertEquals(Json.parse("[{\"op\":\"add\",\"path\":\"/spec/list/-\",\"value\":{\"k\":[1]}},"
                + "{\"op\":\"add\",\"path\":\"/spec/list/3/k/-\",\"value\":2},"
                + "{\"op\":\"remove\",\"path\":\"/metadata/labels/app\"},"
                + "{\"op\":\"copy\",\"from\":\"/spec\",\"path\":\"/copy\"},{\"op\":\"add\",\"path\":\"/copy/replicas\",\"value\":9}]"),
                patch);
        assertEquals(Json.parse("[\"a\",\"b\",\"c\",{\"k\":[1,2]}]"), result.at("/spec/list"));
        assertEquals(1, result.at("/spec/replicas").intValue());
        assertEquals(9, result.at("/copy/replicas").intValue());
    }
}
