package io.kubelab.kubectl.describe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go's tabwriter as kubectl's describers configure it (padding 2, spaces), case by case. */
class TabWriterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a column is its widest cell plus two       | a\\tb\\nccc\\td\\n                  | a    b\\nccc  d\\n
            a line without a tab ends the block        | a\\tb\\nxxxxxxxx\\nccc\\td\\n      | a  b\\nxxxxxxxx\\nccc  d\\n
            the last cell of a line is in no column    | k:\\tv\\nlonger key:\\tvalue\\tend\\n | k:           v\\nlonger key:  value  end\\n
            an empty cell is padded                    | \\tx\\nabc\\ty\\n                  | '     x\\nabc  y\\n'
            text after the last newline is kept        | a\\tb                           | a  b
            widths count runes, not bytes              | é\\tx\\nab\\ty\\n                  | é   x\\nab  y\\n
            Events <none> joins the block above it     | Name:\\tx\\nEvents:\\t<none>\\n    | Name:    x\\nEvents:  <none>\\n
            a deeper column only spans its own lines   | a\\tb\\tc\\nd\\te\\n                | a  b  c\\nd  e\\n
            """)
    void laysOutLikeGo(String name, String input, String expected) {
        TabWriter w = new TabWriter();
        w.write(unescape(input));
        assertEquals(unescape(expected), w.flush());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            levels indent two spaces each       | 2 | x\\n             | '    x\\n'
            a nested writer adds its own levels | 1 | x\\n             | '      x\\n'
            escape sequences are defused        | 0 | \\e[31mred\\r\\n | ^[[31mred\\\\r\\n
            """)
    void prefixWriterIndentsAndEscapes(String name, int level, String input, String expected) {
        TabWriter out = new TabWriter();
        PrefixWriter w = new PrefixWriter(out);
        (name.startsWith("a nested") ? w.nested(PrefixWriter.LEVEL_2) : w).write(level, unescape(input));
        assertEquals(unescape(expected), out.flush());
    }

    private static String unescape(String s) {
        return s.replace("\\\\", "\u0000").replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r")
                .replace("\\e", "\u001b").replace("\u0000", "\\");
    }
}
