package io.kubelab.apiserver.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Go parsers behind Quantity, Time and []byte fields, with Go's verdicts. */
class SyntaxTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "128Mi | OK", "0.5 | OK", "100m | OK", "1e3 | OK", "1E+3 | OK", "-1 | OK", "+0 | OK", "1. | OK",
            ".5 | OK", "5Gi | OK", "0 | OK", "1E | OK",
            "'' | FORMAT", "1GB | FORMAT", "abc | FORMAT", "1KiB | FORMAT", "1 Mi | FORMAT", "{ | FORMAT",
            "1K | SUFFIX", "1mi | SUFFIX", "1e | SUFFIX", "2Kii | SUFFIX"})
    void quantities(String input, String verdict) {
        String expected = verdict == null ? null
                : verdict.equals("FORMAT") ? QuantitySyntax.FORMAT_WRONG : QuantitySyntax.SUFFIX;
        assertEquals(expected, QuantitySyntax.error(input).orElse(null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "2024-01-01T00:00:00Z | false | OK",
            "2024-02-29T23:59:59+05:30 | false | OK",
            "2024-01-01T00:00:00.123456Z | true | OK",
            "2024-01-01T00:00:00Z | false | OK",
            "'' | false | parsing time \"\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"2006\"",
            "yesterday | false | parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\"",
            "2024-1-01T00:00:00Z | false | parsing time \"2024-1-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"1-01T00:00:00Z\" as \"01\"",
            "2024-01-01 00:00:00Z | false | parsing time \"2024-01-01 00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \" 00:00:00Z\" as \"T\"",
            "2024-01-01T00:00:00 | false | parsing time \"2024-01-01T00:00:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"Z07:00\"",
            "2024-01-01T25:00:00Z | false | parsing time \"2024-01-01T25:00:00Z\": hour out of range",
            "2023-02-29T00:00:00Z | false | parsing time \"2023-02-29T00:00:00Z\": day out of range",
            "2024-01-01T00:00:00Zx | false | parsing time \"2024-01-01T00:00:00Zx\": extra text: \"x\"",
            "2024-01-01T00:00:00.1Z | true | parsing time \"2024-01-01T00:00:00.1Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \".1Z\" as \".000000\""})
    void times(String input, boolean micro, String error) {
        assertEquals(error, GoTime.error(input, micro).orElse(null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"YWJj | -1", "YQ== | -1", "YWI= | -1", "'' | -1",
            "abc! | 3", "YQ | 0", "YQ= | 3", "Y=== | 1", "YQ==YQ== | 4", "YWJ | 0", "a | 0"})
    void base64(String input, int offset) {
        assertEquals(offset < 0 ? OptionalInt.empty() : OptionalInt.of(offset), Base64Syntax.error(input));
    }

    @Test
    void base64SkipsLineBreaks() {
        assertEquals(OptionalInt.empty(), Base64Syntax.error("YW\r\nJj"));
        assertEquals(OptionalInt.of(4), Base64Syntax.error("YW\nJ!"));
    }
}
