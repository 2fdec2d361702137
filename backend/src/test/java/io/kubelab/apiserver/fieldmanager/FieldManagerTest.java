package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Updates and applies through the field manager alone, with the managedFields they leave, literally. */
class FieldManagerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final FieldManager fields = new FieldManager(() -> now);

    private static ObjectNode json(String text) {
        return (ObjectNode) tree(text);
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ApiRequest request(String apiVersion, String kind, String manager, boolean force) {
        return ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.PATCH, ResourceTypes.of(apiVersion, kind), "default", "web")
                .withOptions(RequestOptions.DEFAULT.withFieldManager(manager).withForce(force));
    }

    private ObjectNode apply(ObjectNode live, String manager, String config, boolean force) {
        return fields.apply(request("apps/v1", "Deployment", manager, force), Optional.ofNullable(live), json(config), "");
    }

    private ObjectNode update(String kind, ObjectNode live, String manager, ObjectNode updated, String subresource) {
        String apiVersion = kind.equals("Deployment") ? "apps/v1" : "v1";
        fields.update(request(apiVersion, kind, manager, false), live, updated, subresource);
        return updated;
    }

    /** Each entry as "manager operation subresource time fieldsV1". */
    private static List<String> entries(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : object.path("metadata").path("managedFields")) {
            out.add(e.path("manager").asText() + " " + e.path("operation").asText() + " " + e.path("apiVersion").asText()
                    + " " + e.path("subresource").asText() + " " + e.path("time").asText() + " " + e.path("fieldsV1"));
        }
        return out;
    }

    private static final String WEB = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},"
            + "'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},"
            + "'spec':{'containers':[{'name':'nginx','image':'nginx:1.27','ports':[{'containerPort':80}]}]}}}}";

    @Test
    void createRecordsAddedStructsAsMembers() {
        ObjectNode created = update("ConfigMap", null, "kubectl-create",
                json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'web','labels':{'app':'web'}},'data':{'k':'v'}}"), "");
        assertEquals(List.of("kubectl-create Update v1  2026-11-25T10:00:00Z "
                + "{\"f:data\":{\".\":{},\"f:k\":{}},\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}"), entries(created));
        assertEquals("managedFields", created.path("metadata").properties().stream().reduce((a, b) -> b).orElseThrow().getKey(),
                "last in metadata, as ObjectMeta has it");
    }

    @Test
    void updatesMergePerManagerAndMoveOwnership() {
        ObjectNode v1 = update("ConfigMap", null, "a",
                json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'web'},'data':{'x':'1','y':'1'}}"), "");
        now = now.plusSeconds(60);
        ObjectNode v2 = v1.deepCopy();
        ((ObjectNode) v2.get("data")).put("z", "1");
        update("ConfigMap", v1, "a", v2, "");
        assertEquals(List.of("a Update v1  2026-11-25T10:01:00Z {\"f:data\":{\".\":{},\"f:x\":{},\"f:y\":{},\"f:z\":{}}}"),
                entries(v2), "one entry per manager and operation, its time the last change");
        now = now.plusSeconds(60);
        ObjectNode v3 = v2.deepCopy();
        ((ObjectNode) v3.get("data")).put("x", "2");
        ((ObjectNode) v3.get("data")).remove("y");
        update("ConfigMap", v2, "b", v3, "");
        assertEquals(List.of("a Update v1  2026-11-25T10:01:00Z {\"f:data\":{\".\":{},\"f:z\":{}}}",
                "b Update v1  2026-11-25T10:02:00Z {\"f:data\":{\"f:x\":{}}}"), entries(v3));
        ObjectNode same = v3.deepCopy();
        update("ConfigMap", v3, "c", same, "");
        assertEquals(entries(v3), entries(same), "a write that changes nothing records nothing");
    }

    @Test
    void statusWritesAreRecordedWithTheirSubresource() {
        ObjectNode live = update("Deployment", null, "kubectl-create", json(WEB), "");
        live.putObject("status");
        ObjectNode status = live.deepCopy();
        status.with("status").put("replicas", 2);
        update("Deployment", live, "kube-controller-manager", status, "status");
        assertEquals("kube-controller-manager Update apps/v1 status 2026-11-25T10:00:00Z {\"f:status\":{\"f:replicas\":{}}}",
                entries(status).get(0), "at the same second, by manager name");
    }

    @Test
    void applyCreatesWithTheConfigurationAsTheSet() {
        ObjectNode web = apply(null, "kubectl", WEB, false);
        assertEquals(List.of("kubectl Apply apps/v1  2026-11-25T10:00:00Z {\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
                + "\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},\"f:template\":{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
                + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{},"
                + "\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{}}}}}}}}}"),
                entries(web));
    }

    @Test
    void applyRemovesWhatItNoLongerSetsUnlessSharedOrOwnedElsewhere() {
        ObjectNode v1 = apply(null, "m1", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
                + "'labels':{'a':'1','b':'1','c':'1'}}}", false);
        ObjectNode shared = apply(v1, "m2", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
                + "'labels':{'b':'1'}}}", false);
        ObjectNode v2 = apply(shared, "m1", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
                + "'labels':{'a':'1'}}}", false);
        assertEquals(json("{'a':'1','b':'1'}"), v2.path("metadata").path("labels"), "c dropped, b kept for m2");
    }

    @Test
    void applyConflictsWithOtherManagersUnlessTheValueIsTheSameOrForced() {
        ObjectNode v1 = apply(null, "m1", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':2,'paused':true}}", false);
        StatusException e = assertThrows(StatusException.class, () -> apply(v1, "m2", "{'apiVersion':'apps/v1',"
                + "'kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':3,'paused':false}}", false));
        assertEquals(409, e.status().code());
        assertEquals("Apply failed with 2 conflicts: conflicts with \"m1\":\n- .spec.paused\n- .spec.replicas",
                e.status().message());
        assertEquals("[Cause[reason=FieldManagerConflict, message=conflict with \"m1\", field=.spec.paused], "
                + "Cause[reason=FieldManagerConflict, message=conflict with \"m1\", field=.spec.replicas]]",
                e.status().details().orElseThrow().causes().toString());
        ObjectNode coOwned = apply(v1, "m2", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':2}}", false);
        assertEquals(2, entries(coOwned).stream().filter(s -> s.contains("f:replicas")).count(), "same value: shared");
        ObjectNode forced = apply(v1, "m2", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':3}}", true);
        assertEquals(3, forced.path("spec").path("replicas").asInt());
        assertEquals(List.of("m1 Apply apps/v1  2026-11-25T10:00:00Z {\"f:spec\":{\"f:paused\":{}}}",
                "m2 Apply apps/v1  2026-11-25T10:00:00Z {\"f:spec\":{\"f:replicas\":{}}}"), entries(forced));
    }

    @Test
    void associativeListsMergeByTheirKeysAtomicListsAreReplaced() {
        ObjectNode v1 = apply(null, "m1", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{"
                + "'template':{'spec':{'containers':[{'name':'a','image':'a','args':['1','2'],'env':[{'name':'X','value':'1'}],"
                + "'ports':[{'containerPort':80}]}],'tolerations':[{'key':'k1'}]}}}}", false);
        ObjectNode v2 = apply(v1, "m2", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{"
                + "'template':{'spec':{'containers':[{'name':'a','env':[{'name':'Y','value':'2'}],"
                + "'ports':[{'containerPort':80,'protocol':'UDP'}]},{'name':'b','image':'b'}]}}}}", false);
        JsonNode containers = v2.path("spec").path("template").path("spec").path("containers");
        assertEquals(tree("[{'name':'a','image':'a','args':['1','2'],'env':[{'name':'X','value':'1'},{'name':'Y','value':'2'}],"
                + "'ports':[{'containerPort':80},{'containerPort':80,'protocol':'UDP'}]},{'name':'b','image':'b'}]"), containers);
        ObjectNode v3 = apply(v2, "m1", "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{"
                + "'template':{'spec':{'containers':[{'name':'a','image':'a','args':['3'],'env':[{'name':'X','value':'1'}],"
                + "'ports':[{'containerPort':80}]}],'tolerations':[{'key':'k2'}]}}}}", false);
        JsonNode spec = v3.path("spec").path("template").path("spec");
        assertEquals(tree("['3']"), spec.path("containers").get(0).path("args"), "atomic: replaced whole");
        assertEquals(tree("[{'key':'k2'}]"), spec.path("tolerations"));
        assertEquals(2, spec.path("containers").size(), "m2's container stays");
    }

    @Test
    void applyRefusesWhatUpstreamRefuses() {
        StatusException version = assertThrows(StatusException.class, () -> apply(null, "m", "{'apiVersion':'apps/v1beta1',"
                + "'kind':'Deployment','metadata':{'name':'web'}}", false));
        assertEquals("Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1",
                version.status().message());
        StatusException managed = assertThrows(StatusException.class, () -> apply(null, "m", "{'apiVersion':'apps/v1',"
                + "'kind':'Deployment','metadata':{'name':'web','managedFields':[]}}", false));
        assertEquals("metadata.managedFields must be nil", managed.status().message());
        assertFalse(managed.status().details().isPresent());
    }
}
