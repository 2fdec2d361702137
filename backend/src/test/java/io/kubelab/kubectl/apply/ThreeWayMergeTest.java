package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubelab.apiserver.patch.PatchSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The patch {@code kubectl apply} sends, byte for byte as kubectl 1.32 sent it (captured with {@code -v=9}
 * against a live object, {@code NAME.live.json}, and a changed file, {@code NAME.file.yaml}): deletions of
 * what left the file, changes from the live object, {@code $patch: delete} items, parallel
 * {@code $setElementOrder} and {@code $deleteFromPrimitiveList} lists, {@code $retainKeys}.
 */
class ThreeWayMergeTest {

    private static final Path DIR = Path.of("src/test/resources/golden/kubectl/apply");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"patch1", "patch2"})
    void patchAsKubectlSendsIt(String name) throws Exception {
        ObjectNode live = (ObjectNode) JSON.readTree(Files.readString(DIR.resolve(name + ".live.json")));
        ObjectNode file = (ObjectNode) new YAMLMapper().readTree(Files.readString(DIR.resolve(name + ".file.yaml")));
        file.with("metadata").put("namespace", "default");
        ObjectNode modified = file.deepCopy();
        LastApplied.set(modified, false);
        JsonNode original = JSON.readTree(LastApplied.of(live).orElseThrow());
        ObjectNode patch = ThreeWayMerge.create(original, modified, live,
                PatchSchema.forKind("apps/v1", "Deployment").orElseThrow());
        assertEquals(Files.readString(DIR.resolve(name + ".expected.json")).strip(), CompactJson.write(patch, true));
    }
}
