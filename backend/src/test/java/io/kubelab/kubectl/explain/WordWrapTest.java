package io.kubelab.kubectl.explain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * go-wordwrap's own cases that hold for 1.0.1 (its older list cases predate the break inside a word that
 * kubectl's output shows), plus the long-word and no-break-space rules kubectl's descriptions meet.
 */
class WordWrapTest {

    record Case(String input, int limit, String expected) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("foo", 4, "foo"),
                new Case("foobarbaz", 4, "foobarbaz"),
                new Case("foo bar baz", 4, "foo\nbar\nbaz"),
                new Case("foo\nb ar\nbaz", 4, "foo\nb ar\nbaz"),
                new Case("foo       \nb ar\nbaz", 4, "foo\nb ar\nbaz"),
                new Case("foo bar baz", 7, "foo bar\nbaz"),
                new Case("More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
                        20, "More info:\nhttps://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"),
                new Case("a\u00a0b c", 3, "a\u00a0b\nc"),
                new Case("été à", 3, "été\nà"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wrapsAsGoWordwrap(Case c) {
        assertEquals(c.expected(), WordWrap.wrap(c.input(), c.limit()));
    }
}
