package io.kubelab.kubectl.print.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the kubectl table (TemplateGoldenTest) cannot show: the raw results custom-columns and sort-by read,
 * our order where Go's is random, and the bounds that stop a runaway template.
 */
class JsonPathTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void findResultsKeepsOneListPerPieceOfTheTemplate() throws Exception {
        JsonNode list = json("{'items':[{'metadata':{'name':'a'}},{'metadata':{'name':'b'}}]}");
        List<List<JsonNode>> results = JsonPath.parse("x{.items[*].metadata.name}{range .items[*]}{.metadata.name}{end}")
                .findResults(list);
        assertEquals("[[\"x\"], [\"a\", \"b\"], [\"a\"], [\"b\"]]", results.toString());
    }

    @Test
    void findResultsFailsOnAMissingKeyUnlessAllowed() throws Exception {
        JsonNode pod = json("{'metadata':{'name':'a'}}");
        JsonPath path = JsonPath.parse("{.spec.nodeName}");
        assertEquals("nodeName is not found",
                assertThrows(JsonPathException.class, () -> path.findResults(json("{'spec':{}}"))).getMessage());
        assertEquals("spec is not found", assertThrows(JsonPathException.class, () -> path.findResults(pod)).getMessage());
        assertEquals("[[]]", path.findResults(pod, true).toString());
    }

    /** Go walks a map in random order, so kubectl prints these values in any order; we use key order. */
    @Test
    void wildcardAndRecursionOverAMapFollowKeyOrder() throws Exception {
        JsonNode node = json("{'capacity':{'pods':'110','cpu':'2','memory':'4Gi'},'b':{'name':'2'},'a':{'name':'1'}}");
        assertEquals("2 4Gi 110", JsonPath.parse("{.capacity.*}").execute(node, true));
        assertEquals("1 2", JsonPath.parse("{..name}").execute(node, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "metadata.name|{.metadata.name}",
            ".metadata.name|{.metadata.name}",
            "{metadata.name}|{.metadata.name}",
            "{.metadata.name}|{.metadata.name}",
            "{.spec.containers[0].image}|{.spec.containers[0].image}",
    })
    void relaxedExpressions(String input, String expected) {
        assertEquals(expected, RelaxedJsonPath.expression(input));
    }

    @Test
    void relaxedExpressionsRejectNestedBraces() {
        assertEquals("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
                assertThrows(JsonPathException.class, () -> RelaxedJsonPath.expression("{{.a}}")).getMessage());
        assertEquals("", RelaxedJsonPath.expression(""));
    }

    /** Recursive descent inside a range over recursive descent: quadratic in the depth of the object. */
    @Test
    void aTemplateThatMultipliesValuesStops() throws Exception {
        JsonNode chain = JSON.getNodeFactory().textNode("end");
        for (int i = 0; i < 2100; i++) {
            chain = JSON.createObjectNode().set("a", chain);
        }
        JsonNode data = chain;
        JsonPath path = JsonPath.parse("{range ..}{..}{end}");
        assertEquals("template produces more than " + JsonPath.MAX_VALUES + " values",
                assertThrows(JsonPathException.class, () -> path.execute(data, true)).getMessage());
    }

    @Test
    void outputIsBounded() throws Exception {
        ArrayNode items = JSON.createArrayNode();
        String big = "x".repeat(100_000);
        for (int i = 0; i < 100; i++) {
            items.add(big);
        }
        ObjectNode list = JSON.createObjectNode().set("items", items);
        JsonPath path = JsonPath.parse("{.items}{.items}");
        assertEquals("output exceeds " + JsonPath.MAX_OUTPUT + " characters",
                assertThrows(JsonPathException.class, () -> path.execute(list, true)).getMessage());
    }

    @Test
    void rangesNestUpToAThousandLevels() throws Exception {
        JsonNode nested = JSON.getNodeFactory().numberNode(1);
        for (int i = 0; i < 1001; i++) {
            ObjectNode level = JSON.createObjectNode();
            level.putArray("a").add(nested);
            nested = level;
        }
        JsonNode pod = nested;
        String ok = "{range .a[*]}".repeat(1000) + "x" + "{end}".repeat(1000) + "ok";
        assertEquals("xok", JsonPath.parse(ok).execute(pod, true));
        String deep = "{range .a[*]}".repeat(1001) + "x" + "{end}".repeat(1001);
        assertEquals("more than 1000 nested ranges",
                assertThrows(JsonPathException.class, () -> JsonPath.parse(deep).execute(pod, true)).getMessage());
    }
}
