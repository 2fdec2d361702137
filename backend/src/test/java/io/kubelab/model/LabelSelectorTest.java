package io.kubelab.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabelSelectorTest {

    private static final String QUALIFIED = "name part must consist of alphanumeric characters, '-', '_' or '.', and "
            + "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
            + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private static final String VALUE = "a valid label must be an empty string or consist of alphanumeric characters, "
            + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  "
            + "or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    /** Parsed, then printed back as Kubernetes prints it (requirements sorted by key). */
    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "app=web¦app=web",
            "app==web¦app==web",
            "app!=web¦app!=web",
            "tier in (b,a),app¦app,tier in (a,b)",
            "tier notin (x)¦tier notin (x)",
            "!legacy¦!legacy",
            "x in (foo,,baz),y,z notin ()¦x in (,baz,foo),y,z notin ()",
            "a=¦a=",
            "  app = web ,  env  ¦app=web,env",
            "replicas>2¦replicas>2",
            "example.com/role=db¦example.com/role=db",
            "in in (in)¦in in (in)",
            "¦",
    })
    void parsesAndPrints(String selector, String printed) {
        assertEquals(printed == null ? "" : printed, LabelSelector.parse(selector == null ? "" : selector).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "app=web¦true",
            "app=db¦false",
            "app!=db¦true",
            "missing!=x¦true",
            "tier in (front,back)¦true",
            "tier notin (front)¦false",
            "missing notin (front)¦true",
            "app¦true",
            "!app¦false",
            "!missing¦true",
            "n>2¦true",
            "n<2¦false",
            "app>2¦false",
            "app=web,tier=front¦true",
            "app=web,tier=back¦false",
            "empty=¦true",
            "¦true",
    })
    void matches(String selector, boolean expected) {
        Map<String, String> labels = new HashMap<>(Map.of("app", "web", "tier", "front", "n", "5", "empty", ""));
        assertEquals(expected, LabelSelector.parse(selector == null ? "" : selector).matches(labels));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "a b¦unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
            "a in b¦unable to parse requirement: found 'b' expected: '('",
            "a in (b¦unable to parse requirement: found '', expected: ',' or ')'",
            "a in (b c)¦unable to parse requirement: found 'c', expected: ',' or ')'",
            "a=b=c¦found '=', expected: ',' or 'end of string'",
            "!a=b¦found '=', expected: ',' or 'end of string'",
            "a=b,¦found '', expected: identifier after ','",
            ",a¦found ',', expected: !, identifier, or 'end of string'",
            "=a¦found '=', expected: !, identifier, or 'end of string'",
            "a=(b)¦unable to parse requirement: found '(', expected: identifier",
            "a>b¦unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer",
    })
    void rejectsWithApimachineryWording(String selector, String message) {
        assertEquals(message, assertThrows(LabelSelector.ParseException.class, () -> LabelSelector.parse(selector))
                .getMessage());
    }

    @org.junit.jupiter.api.Test
    void invalidKeysAndValuesCarryTheValidationText() {
        assertEquals("unable to parse requirement: <nil>: Invalid value: \"-a\": " + QUALIFIED,
                assertThrows(LabelSelector.ParseException.class, () -> LabelSelector.parse("-a=b")).getMessage());
        assertEquals("unable to parse requirement: values[0][app]: Invalid value: \"-x\": " + VALUE,
                assertThrows(LabelSelector.ParseException.class, () -> LabelSelector.parse("app=-x")).getMessage());
        assertEquals("unable to parse requirement: [values[0][app]: Invalid value: \"-x\": " + VALUE
                        + ", values[1][app]: Invalid value: \"y-\": " + VALUE + "]",
                assertThrows(LabelSelector.ParseException.class, () -> LabelSelector.parse("app in (y-,-x)")).getMessage());
        assertEquals("unable to parse requirement: <nil>: Invalid value: \"" + "k".repeat(64)
                        + "\": name part must be no more than 63 characters",
                assertThrows(LabelSelector.ParseException.class, () -> LabelSelector.parse("k".repeat(64))).getMessage());
    }
}
