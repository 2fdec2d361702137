package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiServer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Docker-links style variables the kubelet gives every container ({@code pkg/kubelet/envvars}): for
 * each service of the pod's namespace with a cluster IP (unless {@code enableServiceLinks: false}), and
 * always for {@code default/kubernetes}: {@code WEB_SERVICE_HOST}, {@code WEB_SERVICE_PORT},
 * {@code WEB_PORT=tcp://10.96.0.10:80}, {@code WEB_PORT_80_TCP_ADDR} and the rest.
 */
final class ServiceLinks {

    private ServiceLinks() {
    }

    static Map<String, String> of(ApiServer api, String namespace, boolean enableServiceLinks) {
        Map<String, ObjectNode> services = new LinkedHashMap<>();
        api.peekAll(ContainerConfig.SERVICES, "default").stream()
                .filter(s -> s.path("metadata").path("name").asText().equals("kubernetes"))
                .forEach(s -> services.put("kubernetes", s));
        if (enableServiceLinks) {
            for (ObjectNode s : api.peekAll(ContainerConfig.SERVICES, namespace)) {
                services.putIfAbsent(s.path("metadata").path("name").asText(), s);
            }
        }
        List<ObjectNode> sorted = new ArrayList<>(services.values());
        sorted.sort(Comparator.comparing(s -> s.path("metadata").path("name").asText()));
        Map<String, String> env = new LinkedHashMap<>();
        for (ObjectNode service : sorted) {
            String ip = service.path("spec").path("clusterIP").asText("");
            if (ip.isEmpty() || ip.equals("None")) {
                continue;
            }
            String prefix = service.path("metadata").path("name").asText().replace('-', '_').toUpperCase(Locale.ROOT);
            JsonNode ports = service.path("spec").path("ports");
            env.put(prefix + "_SERVICE_HOST", ip);
            if (ports.isEmpty()) {
                continue;
            }
            env.put(prefix + "_SERVICE_PORT", ports.get(0).path("port").asText());
            for (JsonNode port : ports) {
                String name = port.path("name").asText("");
                if (!name.isEmpty()) {
                    env.put(prefix + "_SERVICE_PORT_" + name.replace('-', '_').toUpperCase(Locale.ROOT),
                            port.path("port").asText());
                }
            }
            for (int i = 0; i < ports.size(); i++) {
                JsonNode port = ports.get(i);
                String protocol = port.path("protocol").asText("TCP");
                String number = port.path("port").asText();
                String url = protocol.toLowerCase(Locale.ROOT) + "://" + ip + ":" + number;
                if (i == 0) {
                    env.put(prefix + "_PORT", url);
                }
                String portPrefix = prefix + "_PORT_" + number + "_" + protocol.toUpperCase(Locale.ROOT);
                env.put(portPrefix, url);
                env.put(portPrefix + "_PROTO", protocol.toLowerCase(Locale.ROOT));
                env.put(portPrefix + "_PORT", number);
                env.put(portPrefix + "_ADDR", ip);
            }
        }
        return env;
    }
}
