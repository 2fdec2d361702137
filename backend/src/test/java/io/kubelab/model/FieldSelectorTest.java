package io.kubelab.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FieldSelectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "metadata.name=web¦metadata.name=web",
            "metadata.name==web¦metadata.name=web",
            "status.phase!=Running,metadata.namespace=default¦metadata.namespace=default,status.phase!=Running",
            "metadata.name=a\\,b¦metadata.name=a\\,b",
            "spec.nodeName=¦spec.nodeName=",
    })
    void parsesSortsAndPrints(String selector, String printed) {
        assertEquals(printed, FieldSelector.parse(selector).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "metadata.name=web¦true",
            "metadata.name!=web¦false",
            "status.phase=Pending¦false",
            "spec.nodeName=¦true",
            "spec.nodeName!=¦false",
            "metadata.name=web,metadata.namespace=default¦true",
            "metadata.name=a\\,b¦false",
    })
    void matches(String selector, boolean expected) {
        Map<String, String> fields = Map.of("metadata.name", "web", "metadata.namespace", "default",
                "status.phase", "Running");
        assertEquals(expected, FieldSelector.parse(selector).matches(fields));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "metadata.name¦invalid selector: 'metadata.name'; can't understand 'metadata.name'",
            "a=b,c¦invalid selector: 'a=b,c'; can't understand 'c'",
            "a=b=c¦invalid field selector: unescaped character in value: 61",
            "a=b\\x¦invalid field selector: invalid escape sequence: \\x",
            "a=b\\¦invalid field selector: invalid escape sequence: \\",
    })
    void rejectsWithApimachineryWording(String selector, String message) {
        assertEquals(message, assertThrows(FieldSelector.ParseException.class, () -> FieldSelector.parse(selector))
                .getMessage());
    }
}
