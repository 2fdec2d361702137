package io.kubelab.dns;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.controller.Informers;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoreDnsTest {

    CoreDns dns;

    @BeforeEach
    void setUp() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 3);
        dns = new CoreDns(new Informers(cluster.api(), cluster.clock(), new SplittableRandom(1), cluster.events()));
        ObjectMapper json = new ObjectMapper();
        for (String[] object : new String[][]{
                {"v1", "Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"},\"spec\":"
                        + "{\"clusterIP\":\"10.96.40.1\",\"ports\":[{\"port\":80}]}}"},
                {"v1", "Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"db\"},\"spec\":"
                        + "{\"clusterIP\":\"None\",\"ports\":[{\"port\":5432}]}}"},
                {"v1", "Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"search\"},\"spec\":"
                        + "{\"type\":\"ExternalName\",\"externalName\":\"search.example.com\"}}"},
                {"discovery.k8s.io/v1", "EndpointSlice", "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\","
                        + "\"metadata\":{\"name\":\"db-1\",\"labels\":{\"kubernetes.io/service-name\":\"db\"}},"
                        + "\"addressType\":\"IPv4\",\"ports\":[{\"port\":5432}],\"endpoints\":["
                        + "{\"addresses\":[\"10.244.1.7\"],\"hostname\":\"db-0\",\"conditions\":{\"ready\":true}},"
                        + "{\"addresses\":[\"10.244.2.7\"],\"hostname\":\"db-1\",\"conditions\":{\"ready\":false}}]}"}}) {
            cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, ResourceTypes.of(object[0], object[1]),
                    "default", "").withBody(json.readTree(object[2])));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "web                                   | default     | web.default.svc.cluster.local | '' | 10.96.40.1",
            "web.default                           | kube-system | web.default.svc.cluster.local | '' | 10.96.40.1",
            "web.default.svc.cluster.local         | kube-system | web.default.svc.cluster.local | '' | 10.96.40.1",
            "kubernetes.default                    | default     | kubernetes.default.svc.cluster.local | '' | 10.96.0.1",
            "kube-dns.kube-system                  | default     | kube-dns.kube-system.svc.cluster.local | '' | 10.96.0.10",
            "db                                    | default     | db.default.svc.cluster.local | '' | 10.244.1.7",
            "db-0.db                               | default     | db-0.db.default.svc.cluster.local | '' | 10.244.1.7",
            "10-244-1-7.default.pod.cluster.local  | default     | 10-244-1-7.default.pod.cluster.local | '' | 10.244.1.7",
            "search                                | default     | search.default.svc.cluster.local | search.example.com | ''",
            "web                                   | kube-system | web | '' | ''",
            "db-1.db                               | default     | db-1.db | '' | ''"})
    void namesResolveAsCoreDnsAnswersThem(String name, String namespace, String fqdn, String cname, String address) {
        DnsAnswer answer = dns.resolve(name, namespace);
        assertEquals(fqdn, answer.name());
        assertEquals(cname, answer.cname());
        assertEquals(address.isEmpty() ? java.util.List.of() : java.util.List.of(address), answer.addresses());
    }
}
