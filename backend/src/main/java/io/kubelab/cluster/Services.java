package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.util.List;

/** The {@code kubernetes} and {@code kube-dns} services with their Endpoints and EndpointSlices. */
final class Services {

    private Services() {
    }

    static ObjectNode kubernetes() {
        return Json.parse("""
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"kubernetes","namespace":"default",
                  "labels":{"component":"apiserver","provider":"kubernetes"}},
                 "spec":{"clusterIP":"10.96.0.1","ports":[{"name":"https","port":443,"protocol":"TCP","targetPort":6443}],
                  "sessionAffinity":"None","type":"ClusterIP"}}
                """);
    }

    static ObjectNode kubernetesEndpoints(String ip) {
        return Json.fill("""
                {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"kubernetes","namespace":"default",
                  "labels":{"endpointslice.kubernetes.io/skip-mirror":"true"}},
                 "subsets":[{"addresses":[{"ip":"${ip}"}],"ports":[{"name":"https","port":6443,"protocol":"TCP"}]}]}
                """, "ip", ip);
    }

    static ObjectNode kubernetesSlice(String ip) {
        return Json.fill("""
                {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"kubernetes","namespace":"default",
                  "labels":{"kubernetes.io/service-name":"kubernetes"}},
                 "addressType":"IPv4","endpoints":[{"addresses":["${ip}"],"conditions":{"ready":true}}],
                 "ports":[{"name":"https","port":6443,"protocol":"TCP"}]}
                """, "ip", ip);
    }

    static ObjectNode kubeDns() {
        return Json.parse("""
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"kube-dns","namespace":"kube-system",
                  "annotations":{"prometheus.io/port":"9153","prometheus.io/scrape":"true"},
                  "labels":{"k8s-app":"kube-dns","kubernetes.io/cluster-service":"true","kubernetes.io/name":"CoreDNS"}},
                 "spec":{"clusterIP":"10.96.0.10","ports":[{"name":"dns","port":53,"protocol":"UDP","targetPort":53},
                   {"name":"dns-tcp","port":53,"protocol":"TCP","targetPort":53},{"name":"metrics","port":9153,"protocol":"TCP","targetPort":9153}],
                  "selector":{"k8s-app":"kube-dns"},"sessionAffinity":"None","type":"ClusterIP"}}
                """);
    }

    static ObjectNode kubeDnsEndpoints(List<ObjectNode> pods, String time) {
        ObjectNode ep = SystemObjects.object("v1", "Endpoints", "kube-dns", "kube-system");
        ep.with("metadata").putObject("annotations").put("endpoints.kubernetes.io/last-change-trigger-time", time);
        ep.with("metadata").putObject("labels").put("k8s-app", "kube-dns").put("kubernetes.io/cluster-service", "true")
                .put("kubernetes.io/name", "CoreDNS");
        ObjectNode subset = ep.putArray("subsets").addObject();
        ArrayNode addresses = subset.putArray("addresses");
        for (ObjectNode pod : pods) {
            ObjectNode address = addresses.addObject();
            address.put("ip", pod.path("status").path("podIP").asText());
            placement(address, pod);
        }
        dnsPorts(subset.putArray("ports"));
        return ep;
    }

    static ObjectNode kubeDnsSlice(ObjectNode service, List<ObjectNode> pods) {
        ObjectNode slice = SystemObjects.object("discovery.k8s.io/v1", "EndpointSlice", "", "kube-system");
        ObjectNode metadata = slice.with("metadata");
        metadata.remove("name");
        metadata.put("generateName", "kube-dns-");
        metadata.putObject("labels").put("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")
                .put("k8s-app", "kube-dns").put("kubernetes.io/cluster-service", "true")
                .put("kubernetes.io/name", "CoreDNS").put("kubernetes.io/service-name", "kube-dns");
        metadata.putArray("ownerReferences").add(Workloads.owner(service, "v1", "Service"));
        slice.put("addressType", "IPv4");
        ArrayNode endpoints = slice.putArray("endpoints");
        for (ObjectNode pod : pods) {
            ObjectNode endpoint = endpoints.addObject();
            endpoint.putArray("addresses").add(pod.path("status").path("podIP").asText());
            endpoint.putObject("conditions").put("ready", true).put("serving", true).put("terminating", false);
            placement(endpoint, pod);
        }
        dnsPorts(slice.putArray("ports"));
        return slice;
    }

    /** Where an endpoint runs: its node and the pod behind it. */
    private static void placement(ObjectNode endpoint, ObjectNode pod) {
        endpoint.put("nodeName", pod.path("spec").path("nodeName").asText());
        endpoint.putObject("targetRef").put("kind", "Pod").put("name", ObjectMeta.name(pod))
                .put("namespace", "kube-system").put("uid", ObjectMeta.uid(pod));
    }

    /** CoreDNS's ports in the order the endpoints controllers list them. */
    private static void dnsPorts(ArrayNode ports) {
        ports.addObject().put("name", "dns-tcp").put("port", 53).put("protocol", "TCP");
        ports.addObject().put("name", "dns").put("port", 53).put("protocol", "UDP");
        ports.addObject().put("name", "metrics").put("port", 9153).put("protocol", "TCP");
    }
}
