package io.kubelab.k8sapi.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Go facts table against client-java-proto's descriptors: same structs, same fields, same order. */
class GoFieldTableTest {

    /** The kinds kubectl 1.32 sends as protobuf (create, token, autoscale, debug, certificate, can-i, whoami), and the workloads. */
    private static final List<String> SERVED = List.of("apps/v1 Deployment", "batch/v1 Job", "batch/v1 CronJob",
            "v1 ConfigMap", "v1 Secret", "v1 Service", "v1 Namespace", "v1 ResourceQuota", "v1 ServiceAccount",
            "v1 Pod", "rbac.authorization.k8s.io/v1 Role", "rbac.authorization.k8s.io/v1 ClusterRole",
            "rbac.authorization.k8s.io/v1 RoleBinding", "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
            "scheduling.k8s.io/v1 PriorityClass", "policy/v1 PodDisruptionBudget", "policy/v1 Eviction",
            "networking.k8s.io/v1 Ingress", "authentication.k8s.io/v1 TokenRequest",
            "authentication.k8s.io/v1 SelfSubjectReview", "authorization.k8s.io/v1 SelfSubjectAccessReview",
            "autoscaling/v1 HorizontalPodAutoscaler", "autoscaling/v1 Scale", "certificates.k8s.io/v1 CertificateSigningRequest",
            "apps/v1 StatefulSet", "apps/v1 DaemonSet", "apps/v1 ReplicaSet", "apps/v1 ControllerRevision");

    private final GoFieldTable table = MessagePlan.Tables.GO;
    private final DescriptorIndex index = DescriptorIndex.get();

    @Test
    void everyStructIsAMessageWithTheSameFieldsInTheSameOrder() {
        int structs = 0;
        for (String name : table.structNames()) {
            Descriptor d = index.message(name).orElseThrow(() -> new AssertionError("no message " + name));
            List<String> go = table.struct(name).orElseThrow().stream().map(GoFieldTable.GoField::protoName).toList();
            List<String> proto = d.getFields().stream().map(FieldDescriptor::getName).toList();
            assertEquals(proto, go, name);
            structs++;
        }
        assertEquals(256, structs);
    }

    @Test
    void everyMessageOfTheServedKindsHasGoFactsOrItsOwnJson() {
        Set<String> seen = new HashSet<>();
        Deque<Descriptor> queue = new ArrayDeque<>();
        for (String kind : SERVED) {
            String[] gvk = kind.split(" ");
            GroupVersionKind parsed = GroupVersionKind.of(gvk[0], gvk[1]);
            queue.add(index.kind(parsed.group(), parsed.version(), parsed.kind()).orElseThrow());
        }
        List<String> missing = new ArrayList<>();
        while (!queue.isEmpty()) {
            Descriptor d = queue.poll();
            if (!seen.add(d.getFullName()) || GoValues.special(d) != null) {
                continue;
            }
            if (table.struct(d.getFullName()).isEmpty()) {
                missing.add(d.getFullName());
            }
            for (FieldDescriptor f : d.getFields()) {
                FieldDescriptor valued = f.isMapField() ? f.getMessageType().findFieldByNumber(2) : f;
                if (valued.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    queue.add(valued.getMessageType());
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(seen.size() > 200, "messages reached: " + seen.size());
    }

    @Test
    void flagsAreReadFromTheWords() throws Exception {
        GoFieldTable t = GoFieldTable.parse(new java.io.BufferedReader(new java.io.StringReader(
                "# comment\napi.x.v1.T a b? c*? d^ uID?=uid e*?-\n")));
        assertEquals(List.of(
                new GoFieldTable.GoField("a", "a", false, false, false, false),
                new GoFieldTable.GoField("b", "b", false, true, false, false),
                new GoFieldTable.GoField("c", "c", true, true, false, false),
                new GoFieldTable.GoField("d", "d", false, false, true, false),
                new GoFieldTable.GoField("uID", "uid", false, true, false, false),
                new GoFieldTable.GoField("e", "e", true, true, false, true)), t.struct("k8s.io.api.x.v1.T").orElseThrow());
    }
}
