package io.kubelab.kubectl.go;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go's text/tabwriter, case by case (Go's own examples among them), and liggitt's RememberWidths. */
class TabWriterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Go ExampleWriter_Init, tabs            | 0 | 8 | 0 | \\t | 0  | a\\tb\\tc\\td\\t.\\n123\\t12345\\t1234567\\t123456789\\t.\\n\\n | a\\tb\\tc\\td\\t\\t.\\n123\\t12345\\t1234567\\t123456789\\t.\\n\\n
            Go ExampleWriter_Init, right-aligned   | 5 | 0 | 1 | ' ' | 4  | a\\tb\\tc\\td\\t.\\n123\\t12345\\t1234567\\t123456789\\t.\\n | '    a     b       c         d.\\n  123 12345 1234567 123456789.\\n'
            Go Example_elastic: a column is a block | 0 | 0 | 1 | .  | 4  | a\\tb\\tc\\naa\\tbb\\tcc\\naaa\\t\\naaaa\\tdddd\\teeee\\n | ....a..bc\\n...aa.bbcc\\n..aaa\\n.aaaa.ddddeeee\\n
            Go Example_trailingTab                 | 0 | 0 | 1 | ' ' | 0  | a\\tb\\taligned\\t\\naa\\tbb\\taligned\\t\\naaa\\tbbb\\tunaligned\\naaaa\\tbbbb\\taligned\\t\\n | 'a    b    aligned \\naa   bb   aligned \\naaa  bbb  unaligned\\naaaa bbbb aligned \\n'
            kubectl: min width 6 and padding 3     | 6 | 4 | 3 | ' ' | 64 | NAME\\tAGE\\nweb-1\\t5s\\nx\\t1d\\n | 'NAME    AGE\\nweb-1   5s\\nx       1d\\n'
            column 0 spans lines of any cell count | 6 | 4 | 3 | ' ' | 64 | a\\tb\\tc\\nlong-one\\td\\n | 'a          b     c\\nlong-one   d\\n'
            text after the last newline is unpadded | 6 | 4 | 3 | ' ' | 64 | a\\tb | 'a     b'
            a form feed ends the line and flushes  | 0 | 8 | 2 | ' ' | 0  | a\\tb\\fcccc\\td\\n | 'a  b\\ncccc  d\\n'
            a vertical tab ends a cell too         | 0 | 8 | 2 | ' ' | 0  | a\\u000bb\\ncc\\u000bd\\n | 'a   b\\ncc  d\\n'
            soft empty columns can be discarded    | 0 | 0 | 1 | .  | 8  | a\\u000b\\u000bb\\n | a.b\\n
            tab-terminated empty cells are kept    | 0 | 0 | 1 | .  | 8  | a\\t\\tb\\n | a..b\\n
            TabIndent pads leading empty cells with tabs | 0 | 4 | 1 | ' ' | 16 | \\tx\\n\\ty\\n | \\tx\\n\\ty\\n
            widths count runes                     | 0 | 8 | 2 | ' ' | 0  | é\\tx\\nab\\ty\\n | 'é   x\\nab  y\\n'
            """)
    void laysOutLikeGo(String name, int minWidth, int tabWidth, int padding, String padChar, int flags,
                       String input, String expected) {
        StringBuilder out = new StringBuilder();
        new TabWriter(out, minWidth, tabWidth, padding, unescape(padChar).charAt(0), flags).write(unescape(input)).flush();
        assertEquals(unescape(expected), out.toString());
    }

    @Test
    void remembersWidthsAcrossFlushesUntilForgotten() {
        StringBuilder out = new StringBuilder();
        TabWriter w = TabWriter.kubectl(out);
        w.write("NAME\tAGE\na\t1s\n").flush();
        w.write("longer-name\t2s\n").flush();
        w.write("b\t3s\n").flush();
        w.forgetWidths();
        w.write("c\t4s\n").flush();
        assertEquals("NAME   AGE\na      1s\nlonger-name   2s\nb             3s\nc     4s\n", out.toString());
    }

    @Test
    void describeSettingsHaveNoMinimumWidth() {
        StringBuilder out = new StringBuilder();
        TabWriter.describe(out).write("Name:\tweb\nIP:\t10.0.0.1\n").flush();
        assertEquals("Name:  web\nIP:    10.0.0.1\n", out.toString());
    }

    private static String unescape(String s) {
        return s.replace("\\t", "\t").replace("\\n", "\n").replace("\\f", "\f").replace("\\u000b", "\u000b");
    }
}
