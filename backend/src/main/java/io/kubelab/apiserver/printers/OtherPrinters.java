package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

import static io.kubelab.apiserver.printers.Column.age;
import static io.kubelab.apiserver.printers.Column.integer;
import static io.kubelab.apiserver.printers.Column.nameColumn;
import static io.kubelab.apiserver.printers.Column.string;

/** printers.go's handlers for networking, RBAC, storage, scheduling, coordination and discovery kinds. */
final class OtherPrinters {

    static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    static final String BETA_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";

    private OtherPrinters() {
    }

    private static String nameOf(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static final Printer INGRESS = new Printer(List.of(nameColumn(),
            string("Class", "The name of the IngressClass resource that should be used for additional configuration"),
            string("Hosts", "Hosts that incoming requests are matched against before the ingress rule"),
            string("Address", "Address is a list containing ingress points for the load-balancer"),
            string("Ports", "Ports of TLS configurations that open"), age()),
            (o, row) -> {
                JsonNode spec = o.path("spec");
                row.str(nameOf(o)).str(Formats.orDefault(spec.path("ingressClassName"), Row.NONE))
                        .str(hosts(spec.path("rules")))
                        .str(CorePrinters.loadBalancerIngress(o.path("status").path("loadBalancer").path("ingress")))
                        .str(spec.path("tls").size() != 0 ? "80, 443" : "80").age(o);
            });

    /** {@code formatHosts}: up to three hosts, {@code *} when no rule names one. */
    static String hosts(JsonNode rules) {
        List<String> list = new ArrayList<>();
        boolean more = false;
        for (JsonNode rule : rules) {
            if (list.size() == 3) {
                more = true;
            }
            String host = rule.path("host").asText("");
            if (!more && !host.isEmpty()) {
                list.add(host);
            }
        }
        if (list.isEmpty()) {
            return "*";
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (rules.size() - 3) + " more..." : joined;
    }

    static final Printer INGRESS_CLASS = new Printer(List.of(nameColumn(),
            string("Controller", "Controller that is responsible for handling this class"),
            string("Parameters", "A reference to a resource with additional parameters"), age()),
            (o, row) -> {
                JsonNode p = o.path("spec").path("parameters");
                String parameters = Row.NONE;
                if (p.isObject()) {
                    parameters = p.path("kind").asText("");
                    if (p.path("apiGroup").isTextual()) {
                        parameters = parameters + "." + p.path("apiGroup").asText();
                    }
                    parameters = parameters + "/" + p.path("name").asText("");
                }
                row.str(nameOf(o)).str(o.path("spec").path("controller").asText("")).str(parameters).age(o);
            });

    static final Printer NETWORK_POLICY = new Printer(List.of(nameColumn(), string("Pod-Selector",
            Docs.NETWORK_POLICY_SPEC_POD_SELECTOR), age()),
            (o, row) -> row.str(nameOf(o)).str(Formats.formatSelector(emptyIfMissing(o.path("spec").path("podSelector"))))
                    .age(o));

    /** A non-pointer LabelSelector: absent means the empty selector, not nil. */
    private static JsonNode emptyIfMissing(JsonNode selector) {
        return selector.isObject() ? selector : JsonNodeFactory.instance.objectNode();
    }

    static Printer binding(String what, String roleRefDoc) {
        return new Printer(List.of(nameColumn(), string("Role", roleRefDoc), age(),
                string("Users", "Users in the " + what).wide(), string("Groups", "Groups in the " + what).wide(),
                string("ServiceAccounts", "ServiceAccounts in the " + what).wide()),
                (o, row) -> {
                    JsonNode ref = o.path("roleRef");
                    List<String> users = new ArrayList<>();
                    List<String> groups = new ArrayList<>();
                    List<String> sas = new ArrayList<>();
                    for (JsonNode s : o.path("subjects")) {
                        switch (s.path("kind").asText("")) {
                            case "ServiceAccount" -> sas.add(s.path("namespace").asText("") + "/" + s.path("name").asText(""));
                            case "User" -> users.add(s.path("name").asText(""));
                            case "Group" -> groups.add(s.path("name").asText(""));
                            default -> { }
                        }
                    }
                    row.str(nameOf(o)).str(ref.path("kind").asText("") + "/" + ref.path("name").asText("")).age(o)
                            .str(String.join(", ", users)).str(String.join(", ", groups)).str(String.join(", ", sas));
                });
    }

    static final Printer ROLE_BINDING = binding("roleBinding", Docs.ROLE_BINDING_ROLE_REF);
    static final Printer CLUSTER_ROLE_BINDING = binding("clusterRoleBinding", Docs.CLUSTER_ROLE_BINDING_ROLE_REF);

    static final Printer STORAGE_CLASS = new Printer(List.of(nameColumn(),
            string("Provisioner", Docs.STORAGE_CLASS_PROVISIONER), string("ReclaimPolicy",
            Docs.STORAGE_CLASS_RECLAIM_POLICY),
            string("VolumeBindingMode", Docs.STORAGE_CLASS_BINDING_MODE), string("AllowVolumeExpansion",
            Docs.STORAGE_CLASS_EXPANSION), age()),
            (o, row) -> {
                JsonNode annotations = o.path("metadata").path("annotations");
                String name = nameOf(o);
                if ("true".equals(annotations.path(DEFAULT_CLASS).asText())
                        || "true".equals(annotations.path(BETA_DEFAULT_CLASS).asText())) {
                    name += " (default)";
                }
                row.str(name).str(o.path("provisioner").asText(""))
                        .str(Formats.orDefault(o.path("reclaimPolicy"), "Delete"))
                        .str(Formats.orDefault(o.path("volumeBindingMode"), "Immediate"))
                        .bool(o.path("allowVolumeExpansion").asBoolean(false)).age(o);
            });

    static final Printer PRIORITY_CLASS = new Printer(List.of(nameColumn(),
            integer("Value", Docs.PRIORITY_CLASS_VALUE), Column.bool("Global-Default",
            Docs.PRIORITY_CLASS_GLOBAL_DEFAULT), age(),
            string("PreemptionPolicy", Docs.PRIORITY_CLASS_PREEMPTION)),
            (o, row) -> row.str(nameOf(o)).num(o.path("value").asLong()).bool(o.path("globalDefault").asBoolean(false))
                    .age(o).str(o.path("preemptionPolicy").asText("")));

    static final Printer LEASE = new Printer(List.of(nameColumn(), string("Holder", Docs.LEASE_SPEC_HOLDER), age()),
            (o, row) -> row.str(nameOf(o)).str(o.path("spec").path("holderIdentity").asText("")).age(o));

    static final Printer ENDPOINT_SLICE = new Printer(List.of(nameColumn(),
            string("AddressType", Docs.ENDPOINT_SLICE_ADDRESS_TYPE), string("Ports",
            Docs.ENDPOINT_SLICE_PORTS), string("Endpoints", Docs.ENDPOINT_SLICE_ENDPOINTS), age()),
            (o, row) -> {
                List<String> ports = new ArrayList<>();
                int portCount = 0;
                for (JsonNode p : o.path("ports")) {
                    if (ports.size() < 3) {
                        ports.add(p.path("port").isNumber() ? Long.toString(p.path("port").asLong())
                                : p.path("name").isTextual() ? p.path("name").asText() : "*");
                    }
                    portCount++;
                }
                List<String> addresses = new ArrayList<>();
                int addressCount = 0;
                for (JsonNode e : o.path("endpoints")) {
                    for (JsonNode a : e.path("addresses")) {
                        if (addresses.size() < 3) {
                            addresses.add(a.asText());
                        }
                        addressCount++;
                    }
                }
                row.str(nameOf(o)).str(o.path("addressType").asText("")).str(Formats.withMore(ports, portCount))
                        .str(Formats.withMore(addresses, addressCount)).age(o);
            });

    /** kube-aggregator's APIService table: SERVICE is {@code Local} or namespace/name, AVAILABLE its condition. */
    static final Printer API_SERVICE = new Printer(List.of(nameColumn(),
            string("Service", "The reference to the service that hosts this API endpoint."),
            string("Available", "Whether this service is available."), age()),
            (o, row) -> {
                JsonNode svc = o.path("spec").path("service");
                String service = svc.isObject()
                        ? svc.path("namespace").asText("") + "/" + svc.path("name").asText("") : "Local";
                String available = "Unknown";
                for (JsonNode c : o.path("status").path("conditions")) {
                    if ("Available".equals(c.path("type").asText())) {
                        String status = c.path("status").asText("");
                        String reason = c.path("reason").asText("");
                        available = "True".equals(status) || reason.isEmpty() ? status : status + " (" + reason + ")";
                        break;
                    }
                }
                row.str(nameOf(o)).str(service).str(available).age(o);
            });
}
