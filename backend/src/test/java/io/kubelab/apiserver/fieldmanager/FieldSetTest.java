package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The field sets and their {@code fieldsV1} form, in structured-merge-diff's order and words. */
class FieldSetTest {

    private static PathElement f(String name) {
        return PathElement.field(name);
    }

    private static PathElement k(String name, String value) {
        return PathElement.key(List.of(new PathElement.KeyField(name, TextNode.valueOf(value))));
    }

    private static PathElement port(int number, String protocol) {
        return PathElement.key(List.of(new PathElement.KeyField("protocol", TextNode.valueOf(protocol)),
                new PathElement.KeyField("containerPort", IntNode.valueOf(number))));
    }

    private static FieldSet set(List<List<PathElement>> paths) {
        FieldSet out = new FieldSet();
        paths.forEach(out::insert);
        return out;
    }

    private record Case(String name, List<List<PathElement>> paths, String fieldsV1) {
    }

    @Test
    void encodesFieldsV1() throws Exception {
        List<Case> cases = List.of(
                new Case("a leaf", List.of(List.of(f("spec"), f("replicas"))), "{\"f:spec\":{\"f:replicas\":{}}}"),
                new Case("fields sorted by name", List.of(List.of(f("spec"), f("replicas")), List.of(f("metadata"),
                        f("labels"), f("app"))), "{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:replicas\":{}}}"),
                new Case("a member with children gets \".\" first", List.of(List.of(f("metadata"), f("labels")),
                        List.of(f("metadata"), f("labels"), f("app"))), "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}"),
                new Case("keys sorted by field name inside k:", List.of(List.of(f("ports"), port(80, "TCP"), f("containerPort"))),
                        "{\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\"f:containerPort\":{}}}}"),
                new Case("f: before k: before v: before i:", List.of(List.of(PathElement.index(0)),
                        List.of(PathElement.value(TextNode.valueOf("x"))), List.of(k("name", "a")), List.of(f("z"))),
                        "{\"f:z\":{},\"k:{\\\"name\\\":\\\"a\\\"}\":{},\"v:\\\"x\\\"\":{},\"i:0\":{}}"),
                new Case("numbers before strings among values", List.of(List.of(PathElement.value(TextNode.valueOf("a"))),
                        List.of(PathElement.value(IntNode.valueOf(5)))), "{\"v:5\":{},\"v:\\\"a\\\"\":{}}"));
        ObjectMapper json = new ObjectMapper();
        for (Case c : cases) {
            FieldSet s = set(c.paths());
            assertEquals(c.fieldsV1(), s.toFieldsV1().toString(), c.name());
            assertEquals(s, FieldSet.fromFieldsV1(json.readTree(c.fieldsV1())), c.name() + " reads back");
        }
    }

    @Test
    void printsPathsAsConflictsNameThem() {
        List<String> expected = List.of(".spec.replicas", ".spec.template.spec.containers[name=\"nginx\"].image",
                ".spec.containers[name=\"web\"].ports[containerPort=80,protocol=\"TCP\"]", ".metadata.finalizers[=\"x\"]");
        List<List<PathElement>> paths = List.of(
                List.of(f("spec"), f("replicas")),
                List.of(f("spec"), f("template"), f("spec"), f("containers"), k("name", "nginx"), f("image")),
                List.of(f("spec"), f("containers"), k("name", "web"), f("ports"), port(80, "TCP")),
                List.of(f("metadata"), f("finalizers"), PathElement.value(TextNode.valueOf("x"))));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), FieldSet.pathString(paths.get(i)));
        }
    }

    @Test
    void setOperations() {
        FieldSet a = set(List.of(List.of(f("a"), f("x")), List.of(f("a"), f("y")), List.of(f("b"))));
        FieldSet b = set(List.of(List.of(f("a"), f("y")), List.of(f("c"))));
        assertEquals("{\"f:a\":{\"f:x\":{},\"f:y\":{}},\"f:b\":{},\"f:c\":{}}", a.union(b).toFieldsV1().toString());
        assertEquals("{\"f:a\":{\"f:x\":{}},\"f:b\":{}}", a.difference(b).toFieldsV1().toString());
        assertEquals("{\"f:a\":{\"f:y\":{}}}", a.intersection(b).toFieldsV1().toString());
        FieldSet status = set(List.of(List.of(f("a"))));
        assertEquals("{\"f:b\":{}}", a.recursiveDifference(status).toFieldsV1().toString(), "all below a member goes");
        List<String> iterated = new ArrayList<>();
        a.union(b).forEachPath(p -> iterated.add(FieldSet.pathString(p)));
        assertEquals(List.of(".b", ".c", ".a.x", ".a.y"), iterated, "a level's members before its children");
    }
}
