package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Spec and template parsing with kubectl's messages; outputs as the real kubectl 1.32 printed them. */
class CustomColumnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "metadata.name|{.metadata.name}",
            ".metadata.name|{.metadata.name}",
            "{metadata.name}|{.metadata.name}",
            "{.metadata.name}|{.metadata.name}",
            ".spec.containers[*].image|{.spec.containers[*].image}",
            ".metadata.name:x|{.metadata.name:x}",
    })
    void relaxesPaths(String path, String expected) {
        assertEquals(expected, CustomColumns.relaxedPath(path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|custom-columns format specified but no custom columns given",
            "NAME|unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>",
            "A:.a,B|unexpected custom-columns spec: B, expected <header>:<json-path-expr>",
            "A:{.metadata.name|unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
            "A:{.a}{.b}|unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    })
    void rejectsSpecs(String spec, String message) {
        assertEquals(message, assertThrows(PrintException.class, () -> CustomColumns.fromSpec(spec, false)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.",
            "'NAME KIND\n'|invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.",
            "'NAME KIND\n.metadata.name\n'|number of headers (2) and field specifications (1) don't match",
    })
    void rejectsTemplates(String template, String message) {
        assertEquals(message, assertThrows(PrintException.class, () -> CustomColumns.fromTemplate(template)).getMessage());
    }

    @Test
    void templateSplitsOnAnyWhitespace() {
        CustomColumns columns = CustomColumns.fromTemplate("NAME\tKIND\r\n{metadata.name}  kind\r\n");
        assertEquals(List.of(new CustomColumns.Column("NAME", "{.metadata.name}"), new CustomColumns.Column("KIND", "{.kind}")),
                columns.columns());
    }

    @Test
    void emptyPathsAndMissingKeysPrintNone() throws Exception {
        JsonNode cm = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"misc\"}}");
        // kubectl get cm misc -o custom-columns=A:.metadata.name,:.kind,C:
        assertEquals("A                  C\nmisc   ConfigMap   <none>\n",
                CustomColumns.fromSpec("A:.metadata.name,:.kind,C:", false).print(List.of(cm), new MinimalPath()));
        // kubectl get cm misc -o custom-columns=A:.metadata.name:x,B:{.kind}
        assertEquals("A        B\n<none>   ConfigMap\n",
                CustomColumns.fromSpec("A:.metadata.name:x,B:{.kind}", false).print(List.of(cm), new MinimalPath()));
    }

    @Test
    void escapesTerminalControls() {
        assertEquals("a^[[31mb\\rc", CustomColumns.escapeTerminal("a\u001b[31mb\rc"));
    }
}
