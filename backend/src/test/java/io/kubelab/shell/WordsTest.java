package io.kubelab.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordsTest {

    /** Each case: the line, then the words joined by '|'. */
    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "kubectl get pods¦kubectl|get|pods",
            "  a   b  ¦a|b",
            "echo 'a  b'¦echo|a  b",
            "echo \"a  b\"¦echo|a  b",
            "echo \"say \\\"hi\\\"\"¦echo|say \"hi\"",
            "echo 'it''s'¦echo|its",
            "echo a\\ b¦echo|a b",
            "echo \"\\n\"¦echo|\\n",
            "echo a#b # comment¦echo|a#b",
            "echo ''¦echo|",
            "k get po -l 'app in (a,b)'¦k|get|po|-l|app in (a,b)",
    })
    void splitsLikeBash(String line, String expected) {
        List<String> want = Arrays.asList(expected.split("\\|", -1));
        assertEquals(want, Words.split(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "echo 'abc¦bash: unexpected EOF while looking for matching `''",
            "echo \"abc¦bash: unexpected EOF while looking for matching `\"'",
    })
    void unterminatedQuotes(String line, String message) {
        assertEquals(message, assertThrows(Words.SyntaxError.class, () -> Words.split(line)).getMessage());
    }
}
