package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.GoFloats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cells kubectl treats specially, from a hand-made Table ({@code synthetic.table.json}: a newline, a carriage
 * return and a form feed in cells, nil cells, floats, booleans, a row without object metadata, a surplus
 * cell, runes wider than a byte, an escape sequence, a vertical tab). The expected files are what the real
 * kubectl 1.32 printed when the stub served that Table for {@code limitranges}.
 */
class TableTextTest {

    static final Path DIR = Path.of("src/test/resources/golden/kubectl/get");
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode synthetic() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(DIR.resolve("synthetic.table.json")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "synthetic|false|false|false||false",
            "synthetic-all-namespaces|true|false|true|app,tier|true",
            "synthetic-no-headers|true|true|false||false"})
    void printsCellsAsKubectl(String file, boolean wide, boolean noHeaders, boolean showLabels, String labels,
                              boolean allNamespaces) throws IOException {
        TableOptions options = new TableOptions(wide, noHeaders, showLabels,
                labels == null ? List.of() : List.of(labels.split(",")), allNamespaces, false);
        String actual = TableText.print(synthetic(), "LimitRange", true, options);
        assertEquals(Files.readString(DIR.resolve(file + ".txt")), actual);
    }

    @Test
    void anEmptyTablePrintsNothingNotEvenAHeader() throws IOException {
        ObjectNode table = synthetic();
        table.putArray("rows");
        assertEquals("", TableText.print(table, "LimitRange", true, TableOptions.plain()));
    }

    @Test
    void clusterScopedKindsGetNoNamespaceColumnUnderAllNamespaces() throws IOException {
        ObjectNode table = synthetic();
        table.withArray("rows").remove(5);
        table.withArray("rows").remove(4);
        table.withArray("rows").remove(3);
        table.withArray("rows").remove(1);
        assertEquals("""
                NAME            NOTE       COUNT   RATIO   FLAG
                storage/alpha   line1...   3       0.5     true
                storage/gamma   cr...      -1      1e+21   false
                """, TableText.print(table, "Storage", false,
                TableOptions.plain().withNamespaceColumn(true).withKindPrefix(true)));
    }

    @Test
    void goFloatsAsFmtPrintsThem() {
        assertEquals(List.of("0.5", "2", "1e+21", "1.234567e+06", "0.0001", "1e-05", "123.25", "-3.5", "100000"),
                List.of(GoFloats.shortestG(0.5), GoFloats.shortestG(2.0), GoFloats.shortestG(1e21), GoFloats.shortestG(1234567.0),
                        GoFloats.shortestG(0.0001), GoFloats.shortestG(0.00001), GoFloats.shortestG(123.25),
                        GoFloats.shortestG(-3.5), GoFloats.shortestG(100000.0)));
    }
}
