package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.GoFloats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Go's number printing and the bounds of template execution (kubectl's own output is in TemplateGoldenTest). */
class GoTemplateTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
            "3000000, 3e+06",
            "123456, 123456",
            "1234567, 1.234567e+06",
            "1.5, 1.5",
            "0.1, 0.1",
            "0.0001, 0.0001",
            "0.00001, 1e-05",
            "-1e-7, -1e-07",
            "1e21, 1e+21",
            "12345678901234567890, 1.2345678901234567e+19",
    })
    void floatsPrintAsGoPrintsThemWithPercentV(double value, String expected) {
        assertEquals(expected, GoFloats.shortestG(value));
    }

    @ParameterizedTest
    @CsvSource({
            "3000000, 3000000",
            "0.000001, 0.000001",
            "1e-7, 1e-7",
            "1e21, 1e+21",
            "1e20, 100000000000000000000",
            "-2.5, -2.5",
    })
    void floatsPrintAsGoEncodesThemInJson(double value, String expected) {
        assertEquals(expected, GoFloats.json(value));
    }

    @Test
    void aListReencodesOnlyWhatChanges() throws Exception {
        JsonNode plain = JSON.readTree("{\"a\":[1,\"x\",{\"b\":2.5}]}");
        assertSame(plain, GoNumbers.reencoded(plain));
        JsonNode floats = JSON.readTree("{\"a\":[3e6,{\"b\":2.5}]}");
        assertEquals("{\"a\":[3000000,{\"b\":2.5}]}", GoNumbers.reencoded(floats).toString());
        assertEquals("{\"a\":[3000000.0,{\"b\":2.5}]}", floats.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "%d items|[5]|5 items",
            "%6.2f|[3.14159]|  3.14",
            "%-8s!|[\"web\"]|web     !",
            "%08.3f|[-3.5]|-003.500",
            "%+d %x %X %o %b|[7,255,255,8,5]|+7 ff FF 10 101",
            "%s|[]|%!s(MISSING)",
            "%v %v|[1]|1 %!v(MISSING)",
            "%.3g %g|[1234.5678,1e-7]|1.23e+03 1e-07",
            "%5.1q|[\"abc\"]|  \"a\"",
    })
    void printf(String format, String args, String expected) throws Exception {
        java.util.List<JsonNode> values = new java.util.ArrayList<>();
        JSON.readTree(args).forEach(values::add);
        assertEquals(expected, GoPrintf.sprintf(format, values));
    }

    @Test
    void aLoopThatNeverEndsIsStopped() throws Exception {
        ArrayNode items = JSON.createArrayNode();
        for (int i = 0; i < 300; i++) {
            items.addObject().put("n", i);
        }
        ObjectNode list = JSON.createObjectNode().set("items", items);
        GoTemplate t = GoTemplate.parse("{{range .items}}{{range $.items}}{{range $.items}}{{end}}{{end}}{{end}}");
        GoTemplateException e = assertThrows(GoTemplateException.class, () -> t.execute(list));
        assertTrue(e.getMessage().startsWith("template: output:1:"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": template exceeds " + GoTemplate.MAX_STEPS + " evaluation steps"), e.getMessage());
    }

    @Test
    void recursiveTemplatesStopWithGosMessage() throws Exception {
        GoTemplate t = GoTemplate.parse("{{define \"r\"}}x{{template \"r\" .}}{{end}}{{template \"r\" .}}");
        GoTemplateException e = assertThrows(GoTemplateException.class, () -> t.execute(JSON.createObjectNode()));
        assertEquals("template: output:1:26: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth (100000)",
                e.getMessage());
        assertEquals("x".repeat(1000), e.partialOutput());
    }

    @Test
    void outputIsBounded() throws Exception {
        ArrayNode items = JSON.createArrayNode();
        String big = "y".repeat(1_000_000);
        for (int i = 0; i < 10; i++) {
            items.add(big);
        }
        GoTemplate t = GoTemplate.parse("{{range .items}}{{.}}{{end}}");
        GoTemplateException e = assertThrows(GoTemplateException.class,
                () -> t.execute(JSON.createObjectNode().set("items", items)));
        assertEquals("template: output:1:18: executing \"output\" at <{{.}}>: output exceeds " + GoTemplate.MAX_OUTPUT
                + " characters", e.getMessage());
    }

    @Test
    void nestingIsBoundedWhileParsing() {
        String ok = "{{" + "(".repeat(100) + "1" + ")".repeat(100) + "}}";
        assertEquals("1", GoTemplate.parse(ok).execute(JSON.createObjectNode()));
        String deep = "{{" + "(".repeat(101) + "1" + ")".repeat(101) + "}}";
        assertEquals("template: output:1: template nesting deeper than 100 levels",
                assertThrows(GoTemplateException.class, () -> GoTemplate.parse(deep)).getMessage());
        String ifs = "{{if 1}}".repeat(100) + "x" + "{{end}}".repeat(100);
        assertEquals("x", GoTemplate.parse(ifs).execute(JSON.createObjectNode()));
        String deepIfs = "{{if 1}}".repeat(101) + "x" + "{{end}}".repeat(101);
        assertEquals("template: output:1: template nesting deeper than 100 levels",
                assertThrows(GoTemplateException.class, () -> GoTemplate.parse(deepIfs)).getMessage());
    }

    @Test
    void numbersAfterKubectlsJsonRoundTrip() {
        ObjectNode pod = JSON.createObjectNode();
        pod.set("a", DoubleNode.valueOf(3e6));
        pod.set("b", DoubleNode.valueOf(2.5));
        assertEquals("3000000 2.5 int64 float64",
                GoTemplate.parse("{{.a}} {{.b}} {{printf \"%T %T\" .a .b}}").execute(pod));
    }
}
