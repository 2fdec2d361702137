package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MergePatchTest {

    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            // label add and remove, the kubectl label / annotate way
            "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}¦{\"metadata\":{\"labels\":{\"tier\":\"fe\"}}}¦{\"metadata\":{\"labels\":{\"app\":\"web\",\"tier\":\"fe\"}}}",
            "{\"metadata\":{\"labels\":{\"app\":\"web\",\"tier\":\"fe\"}}}¦{\"metadata\":{\"labels\":{\"tier\":null}}}¦{\"metadata\":{\"labels\":{\"app\":\"web\"}}}",
            "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}¦{\"metadata\":{\"labels\":null}}¦{\"metadata\":{}}",
            // lists are replaced, never merged
            "{\"spec\":{\"containers\":[{\"name\":\"a\"},{\"name\":\"b\"}]}}¦{\"spec\":{\"containers\":[{\"name\":\"c\"}]}}¦{\"spec\":{\"containers\":[{\"name\":\"c\"}]}}",
            // scalars replace objects and objects replace scalars; nulls in inserted values are pruned
            "{\"a\":{\"b\":1}}¦{\"a\":\"x\"}¦{\"a\":\"x\"}",
            "{\"a\":\"x\"}¦{\"a\":{\"b\":1,\"c\":null}}¦{\"a\":{\"b\":1}}",
            "{}¦{\"a\":{\"b\":{\"c\":null,\"d\":[{\"e\":null,\"f\":1},null]}}}¦{\"a\":{\"b\":{\"d\":[{\"f\":1},null]}}}",
            "{\"a\":1}¦{\"b\":null}¦{\"a\":1}",
            "{\"a\":1}¦{}¦{\"a\":1}",
            // an array patch replaces the document
            "{\"a\":1}¦[1,{\"x\":null}]¦[1,{}]",
    })
    void mergesLikeRfc7386(String doc, String patch, String expected) {
        assertEquals(Json.parse(expected), MergePatch.apply(Json.parse(doc), Json.parse(patch)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {"null", "\"x\"", "3", "true"})
    void scalarOrNullPatchIsInvalidJsonPatch(String patch) {
        PatchException e = assertThrows(PatchException.class, () -> MergePatch.apply(Json.parse("{}"), Json.parse(patch)));
        assertEquals(400, e.code());
        assertEquals("BadRequest", e.reason());
        assertEquals("Invalid JSON Patch", e.getMessage());
    }

    @Test
    void neverMutatesItsInputs() {
        JsonNode doc = Json.parse("{\"metadata\":{\"labels\":{\"app\":\"web\",\"x\":\"1\"}},\"spec\":{\"a\":\"s\"}}");
        JsonNode patch = Json.parse("{\"metadata\":{\"labels\":{\"x\":null,\"y\":\"2\"}},\"spec\":{\"a\":{\"n\":null}}}");
        JsonNode result = MergePatch.apply(doc, patch);
        assertEquals(Json.parse("{\"metadata\":{\"labels\":{\"app\":\"web\",\"x\":\"1\"}},\"spec\":{\"a\":\"s\"}}"), doc);
        assertEquals(Json.parse("{\"metadata\":{\"labels\":{\"x\":null,\"y\":\"2\"}},\"spec\":{\"a\":{\"n\":null}}}"), patch);
        assertEquals(Json.parse("{\"metadata\":{\"labels\":{\"app\":\"web\",\"y\":\"2\"}},\"spec\":{\"a\":{}}}"), result);
    }
}
