package io.kubelab.k8sapi;

import io.kubelab.apiserver.schema.GoJsonSyntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go's encoding/json syntax errors, which kube-apiserver passes on for a malformed body or patch. */
class GoJsonSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{not json¦invalid character 'n' looking for beginning of object key string",
            "{\"a\":1¦unexpected end of JSON input",
            "¦unexpected end of JSON input",
            "{\"a\" 1}¦invalid character '1' after object key",
            "{\"a\":1 \"b\":2}¦invalid character '\"' after object key:value pair",
            "[1 2]¦invalid character '2' after array element",
            "{\"a\":tru}¦invalid character '}' in literal true (expecting 'e')",
            "tru¦invalid character ' ' in literal true (expecting 'e')",
            "nul¦invalid character ' ' in literal null (expecting 'l')",
            "{\"a\":01}¦invalid character '1' after object key:value pair",
            "{\"a\":1.}¦invalid character '}' after decimal point in numeric literal",
            "{\"a\":1e}¦invalid character '}' in exponent of numeric literal",
            "{\"a\":-x}¦invalid character 'x' in numeric literal",
            "{} x¦invalid character 'x' after top-level value",
            "{'a':1}¦invalid character '\\'' looking for beginning of object key string",
            "{\"a\":\"\\x\"}¦invalid character 'x' in string escape code",
            "{\"a\":\"\\u12g4\"}¦invalid character 'g' in \\u hexadecimal character escape",
            "{\"a\":}¦invalid character '}' looking for beginning of value",
            "{\"a\":[1,]}¦invalid character ']' looking for beginning of value",
            "{\"a\":[],\"b\":{\"c\":null},\"d\":-1.5e+3,\"e\":\"\\u00e9\"}¦",
            "42¦",
    })
    void errorsAsGoWordsThem(String json, String expected) {
        assertEquals(expected == null ? "" : expected,
                GoJsonSyntax.error((json == null ? "" : json).getBytes(StandardCharsets.UTF_8)).orElse(""));
    }
}
