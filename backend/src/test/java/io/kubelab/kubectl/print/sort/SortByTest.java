package io.kubelab.kubectl.print.sort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of --sort-by kubectl cannot show in a golden file: klog's fatal errors, and our contract. */
class SortByTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<ObjectNode> pods(String... specs) throws Exception {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            ObjectNode pod = (ObjectNode) JSON.readTree(("{'metadata':{'name':'p" + i + "'},'spec':" + specs[i] + "}").replace('\'', '"'));
            out.add(pod);
        }
        return out;
    }

    static String names(List<ObjectNode> pods) {
        StringBuilder b = new StringBuilder();
        pods.forEach(p -> b.append(p.path("metadata").path("name").asText()).append(' '));
        return b.toString().trim();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{.spec.flag}|Field {.spec.flag} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: bool",
            "spec.map|Field {.spec.map} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: map[string]interface {}",
            ".spec.list|Field {.spec.list} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: []interface {}",
            ".spec.mixed|Field {.spec.mixed} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface",
    })
    void unsortableValuesAreKlogFatalErrors(String field, String message) throws Exception {
        List<ObjectNode> pods = pods("{'flag':true,'map':{},'list':[1],'mixed':1}", "{'flag':false,'map':{},'list':[2],'mixed':'a'}");
        SortByException e = assertThrows(SortByException.class, () -> SortBy.sort(pods, field));
        assertEquals(message, e.getMessage());
        assertTrue(e.unsortable());
    }

    /** kubectl's "less" holds for a missing value against anything, so each one moves to the very front. */
    @Test
    void objectsWithoutTheFieldMoveToTheFront() throws Exception {
        List<ObjectNode> pods = pods("{'n':2}", "{}", "{'n':1}", "{}", "{'n':null}");
        assertEquals("p3 p1 p4 p2 p0", names(SortBy.sort(pods, ".spec.n")));
        assertEquals("p0 p1 p2 p3 p4", names(pods));
    }

    @Test
    void quantitiesCompareByValueAndOtherTextByBytes() throws Exception {
        List<ObjectNode> pods = pods("{'q':'1'}", "{'q':'100m'}", "{'q':'1Ki'}", "{'q':'999'}", "{'q':'0.5'}");
        assertEquals("p1 p4 p0 p3 p2", names(SortBy.sort(pods, ".spec.q")));
        List<ObjectNode> names = pods("{'s':'pod-10'}", "{'s':'pod-9'}", "{'s':'Pod-1'}");
        assertEquals("p2 p0 p1", names(SortBy.sort(names, ".spec.s")));
    }

    @Test
    void anEmptyListIsNotChecked() {
        assertEquals(List.of(), SortBy.sort(List.of(), "{{not a path"));
    }
}
