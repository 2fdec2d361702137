package io.kubelab.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IptablesRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Chain names every kubeadm cluster shares, as real iptables-save dumps show them. */
    @ParameterizedTest
    @CsvSource({
            "default/kubernetes:https, tcp, KUBE-SVC-NPX46M4PTMTKRN6Y",
            "kube-system/kube-dns:dns-tcp, tcp, KUBE-SVC-ERIFXISQEP7F7OF4",
            "kube-system/kube-dns:dns, udp, KUBE-SVC-TCOU7JCQXEZGVUNU",
            "kube-system/kube-dns:metrics, tcp, KUBE-SVC-JD5MR3NA4I4DYORP"})
    void serviceChainNamesMatchKubeProxys(String name, String protocol, String chain) {
        ServicePort port = new ServicePort(name, protocol, "10.96.0.1", 443, 0, List.of(), List.of(), List.of(), 0,
                false, false, 0);
        assertEquals(chain, ChainNames.cluster(port));
    }

    @ParameterizedTest
    @CsvSource({"2, 0.50000000000", "3, 0.33333333349", "4, 0.25000000000", "5, 0.20000000019"})
    void probabilitiesPrintAsTheKernelStoresThem(int n, String printed) {
        assertEquals(printed, IptablesRules.probability(n));
    }

    static ObjectNode web(String type, String extra) {
        return json("{\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"type\":\"" + type
                + "\",\"clusterIP\":\"10.96.12.7\",\"ports\":[{\"port\":80,\"protocol\":\"TCP\",\"nodePort\":30080}]"
                + extra + "}}");
    }

    static ObjectNode slice(String... endpoints) {
        return json("{\"metadata\":{\"name\":\"web-abcde\",\"namespace\":\"default\",\"labels\":"
                + "{\"kubernetes.io/service-name\":\"web\"}},\"addressType\":\"IPv4\",\"ports\":[{\"name\":\"\","
                + "\"port\":80,\"protocol\":\"TCP\"}],\"endpoints\":[" + String.join(",", endpoints) + "]}");
    }

    static String endpoint(String ip, String node, boolean ready) {
        return "{\"addresses\":[\"" + ip + "\"],\"nodeName\":\"" + node + "\",\"conditions\":{\"ready\":" + ready
                + ",\"serving\":" + ready + ",\"terminating\":false}}";
    }

    static List<String> natRules(ServiceTable table) {
        return new IptablesRules("10.244.0.0/16").build(table).print("Wed Nov 25 14:00:00 2026").lines()
                .filter(l -> l.startsWith("-A KUBE-") && !l.startsWith("-A KUBE-POSTROUTING")
                        && !l.startsWith("-A KUBE-MARK-MASQ") && !l.startsWith("-A KUBE-FORWARD")
                        && !l.startsWith("-A KUBE-FIREWALL"))
                .toList();
    }

    @Test
    void aNodePortServiceWithTwoReadyEndpointsAndOneNotReady() {
        // Endpoints sort by ip:port whatever order the slice lists them in; the not-ready one gets no chain.
        ServiceTable table = ServiceTable.build(List.of(web("NodePort", "")),
                List.of(slice(endpoint("10.244.2.3", "node02", true), endpoint("10.244.1.2", "node01", true),
                        endpoint("10.244.1.9", "node01", false))), "node01");
        String svc = "KUBE-SVC-" + ChainNames.hash("default/webtcp");
        String ext = "KUBE-EXT-" + ChainNames.hash("default/webtcp");
        String sep1 = "KUBE-SEP-" + ChainNames.hash("default/webtcp10.244.1.2:80");
        String sep2 = "KUBE-SEP-" + ChainNames.hash("default/webtcp10.244.2.3:80");
        assertEquals(List.of(
                "-A " + ext + " -m comment --comment \"masquerade traffic for default/web external destinations\" -j KUBE-MARK-MASQ",
                "-A " + ext + " -j " + svc,
                "-A KUBE-NODEPORTS -p tcp -m comment --comment \"default/web\" -m tcp --dport 30080 -j " + ext,
                "-A " + sep2 + " -s 10.244.2.3/32 -m comment --comment \"default/web\" -j KUBE-MARK-MASQ",
                "-A " + sep2 + " -p tcp -m comment --comment \"default/web\" -m tcp -j DNAT --to-destination 10.244.2.3:80",
                "-A " + sep1 + " -s 10.244.1.2/32 -m comment --comment \"default/web\" -j KUBE-MARK-MASQ",
                "-A " + sep1 + " -p tcp -m comment --comment \"default/web\" -m tcp -j DNAT --to-destination 10.244.1.2:80",
                "-A KUBE-SERVICES -d 10.96.12.7/32 -p tcp -m comment --comment \"default/web cluster IP\" -m tcp --dport 80 -j " + svc,
                "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS",
                "-A " + svc + " ! -s 10.244.0.0/16 -d 10.96.12.7/32 -p tcp -m comment --comment \"default/web cluster IP\" -m tcp --dport 80 -j KUBE-MARK-MASQ",
                "-A " + svc + " -m comment --comment \"default/web -> 10.244.1.2:80\" -m statistic --mode random --probability 0.50000000000 -j " + sep1,
                "-A " + svc + " -m comment --comment \"default/web -> 10.244.2.3:80\" -j " + sep2),
                natRules(table), "user chains print in name order, each chain's rules in the order written");
    }

    @Test
    void aServiceWithoutEndpointsIsRejectedInTheFilterTable() {
        ServiceTable table = ServiceTable.build(List.of(web("NodePort", "")), List.of(slice()), "node01");
        String dump = new IptablesRules("10.244.0.0/16").build(table).print("Wed Nov 25 14:00:00 2026");
        assertTrue(dump.contains("-A KUBE-SERVICES -d 10.96.12.7/32 -p tcp -m comment --comment \"default/web has no "
                + "endpoints\" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable\n"), dump);
        assertTrue(dump.contains("-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment \"default/web has no endpoints\" "
                + "-m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable\n"), dump);
        assertTrue(!dump.contains("KUBE-SVC-"), dump);
    }

    @Test
    void localExternalPolicyShortCircuitsPodTrafficAndDropsWithoutLocalEndpoints() {
        ServiceTable table = ServiceTable.build(List.of(web("NodePort", ",\"externalTrafficPolicy\":\"Local\"")),
                List.of(slice(endpoint("10.244.2.3", "node02", true))), "node01");
        String dump = new IptablesRules("10.244.0.0/16").build(table).print("Wed Nov 25 14:00:00 2026");
        String ext = "KUBE-EXT-" + ChainNames.hash("default/webtcp");
        String svc = "KUBE-SVC-" + ChainNames.hash("default/webtcp");
        assertTrue(dump.contains("-A " + ext + " -s 10.244.0.0/16 -m comment --comment \"pod traffic for default/web "
                + "external destinations\" -j " + svc + "\n"), dump);
        assertTrue(dump.contains("-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment \"default/web has no local "
                + "endpoints\" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP\n"), dump);
    }

    @Test
    void clientIpAffinityUsesTheRecentModule() {
        ServiceTable table = ServiceTable.build(List.of(web("ClusterIP", ",\"sessionAffinity\":\"ClientIP\","
                + "\"sessionAffinityConfig\":{\"clientIP\":{\"timeoutSeconds\":600}}")),
                List.of(slice(endpoint("10.244.1.2", "node01", true))), "node01");
        String sep = "KUBE-SEP-" + ChainNames.hash("default/webtcp10.244.1.2:80");
        String dump = new IptablesRules("10.244.0.0/16").build(table).print("Wed Nov 25 14:00:00 2026");
        assertTrue(dump.contains("-m comment --comment \"default/web -> 10.244.1.2:80\" -m recent --rcheck --seconds 600 "
                + "--reap --name " + sep + " --mask 255.255.255.255 --rsource -j " + sep + "\n"), dump);
        assertTrue(dump.contains("-A " + sep + " -p tcp -m comment --comment \"default/web\" -m recent --set --name " + sep
                + " --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.1.2:80\n"), dump);
    }
}
