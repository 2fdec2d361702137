package io.kubelab.kubectl.expose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.patch.JsonPatch;
import io.kubelab.apiserver.patch.MergePatch;
import io.kubelab.apiserver.patch.PatchSchema;
import io.kubelab.apiserver.patch.StrategicMergePatch;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.apply.LastApplied;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.create.BatchErrors;
import io.kubelab.kubectl.create.Creation;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.create.FileObjects;
import io.kubelab.kubectl.create.WriteFlags;
import io.kubelab.kubectl.resource.ResourceArgs;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kubectl expose TYPE NAME}: a Service in front of a pod, service, replication controller,
 * replica set or deployment, its selector and ports read from the object unless given.
 */
public final class ExposeCommand extends Command {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "expose";
    }

    @Override
    public String summary() {
        return "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service";
    }

    @Override
    public String description() {
        return """
                Expose a resource as a new Kubernetes service.

                 The service selects the pods of the object by its selector (a pod's labels), and serves the ports
                its containers declare unless --port says otherwise. Pods, services, replication controllers, replica
                sets and deployments can be exposed.""";
    }

    @Override
    public String usage() {
        return "kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] "
                + "[--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A ClusterIP service for the deployment web, on the ports its containers declare
                  kubectl expose deployment web

                  # Port 80 of the service sends to port 8000 of the pods
                  kubectl expose deployment web --port=80 --target-port=8000

                  # A NodePort service with its own name
                  kubectl expose pod web --port=80 --type=NodePort --name=web-np
                """;
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet())
                .add(Flag.string("cluster-ip", "", "", "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."))
                .add(DryRun.DRY_RUN)
                .add(Flag.string("external-ip", "", "", "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP."))
                .add(Flag.string(WriteFlags.FIELD_MANAGER, "", "kubectl-expose", "Name of the manager used to track field ownership."))
                .add(Flag.stringSlice(FileObjects.FILENAME, "f", "Filename, directory, or URL to files identifying the resource to expose a service"))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.string("labels", "l", "", "Labels to apply to the service created by this call."))
                .add(Flag.string("load-balancer-ip", "", "", "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific)."))
                .add(Flag.string("name", "", "", "The name for the newly created object."))
                .add(Flag.string("override-type", "", "merge", "The method used to override the generated object: json, merge, or strategic."))
                .add(Flag.string("overrides", "", "", "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field."))
                .add(Flag.string("port", "", "", "The port that the service should serve on. Copied from the resource being exposed, if unspecified"))
                .add(Flag.string("protocol", "", "", "The network protocol for the service to be created. Default is 'TCP'."))
                .add(Flag.bool(FileObjects.RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.bool(WriteFlags.SAVE_CONFIG, "", false, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."))
                .add(Flag.string("selector", "", "", "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)"))
                .add(Flag.string("session-affinity", "", "", "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'"))
                .add(Flag.string("target-port", "", "", "Name or number for the port on the container that the service should direct traffic to. Optional."))
                .add(Flag.string("type", "", "", "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        DryRun dryRun = DryRun.of(flags);
        List<JsonNode> objects = objects(ctx, flags);
        BatchErrors errors = new BatchErrors();
        for (JsonNode object : objects) {
            ObjectNode service = service(ctx, flags, object, dryRun);
            if (flags.bool(WriteFlags.SAVE_CONFIG)) {
                LastApplied.set(service, true);
            }
            try {
                ObjectNode created = Creation.create(ctx, ResourceTypes.of("v1", "Service"), ctx.namespace(), service,
                        dryRun, io.kubelab.apiserver.RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)
                .withFieldManager(flags.string("field-manager")));
                OutputFlags.print(ctx, flags, List.of(created), "exposed" + dryRun.suffix());
            } catch (StatusException e) {
                errors.add(e, "", "");
            }
        }
        errors.throwIfAny();
    }

    /** The objects named by TYPE NAME, TYPE/NAME or {@code -f}, as read from the API server. */
    private static List<JsonNode> objects(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<JsonNode> out = new ArrayList<>();
        if (!flags.strings(FileObjects.FILENAME).isEmpty()) {
            BatchErrors mapping = new BatchErrors();
            List<FileObjects.Item> items = FileObjects.read(ctx, flags, "", mapping);
            mapping.throwIfAny();
            for (FileObjects.Item item : items) {
                out.add(get(ctx, item.type(), item.namespace(), item.name()));
            }
            return out;
        }
        if (flags.args().isEmpty()) {
            throw KubectlException.error("You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'");
        }
        for (ResourceArgs.Target target : ResourceArgs.parse(flags.args())) {
            if (target.isList()) {
                throw KubectlException.error("resource(s) were provided, but no name was specified");
            }
            out.add(get(ctx, target.type(), target.type().namespaced() ? ctx.namespace() : "", target.name()));
        }
        return out;
    }

    private static JsonNode get(KubectlContext ctx, io.kubelab.model.ResourceType type, String namespace, String name)
            throws KubectlException {
        try {
            return ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, type, namespace, name)).body();
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
    }

    private static ObjectNode service(KubectlContext ctx, ParsedFlags flags, JsonNode object, DryRun dryRun)
            throws KubectlException {
        Introspection.checkExposable(object.path("kind").asText());
        String selectorFlag = flags.string("selector");
        Map<String, String> selector = selectorFlag.isEmpty() ? Introspection.selector(object) : pairs(selectorFlag);
        List<Introspection.Port> declared = Introspection.ports(object);
        List<String> ports = new ArrayList<>();
        if (!flags.string("port").isEmpty()) {
            ports.add(flags.string("port"));
        } else {
            declared.forEach(p -> ports.add(Long.toString(p.number())));
        }
        String clusterIp = flags.string("cluster-ip");
        if (ports.isEmpty() && !clusterIp.equals("None")) {
            throw KubectlException.error("couldn't find port via --port flag or introspection");
        }
        Map<String, String> labels = new TreeMap<>();
        if (!flags.string("labels").isEmpty()) {
            labels.putAll(pairs(flags.string("labels")));
        } else {
            object.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        String name = flags.string("name").isEmpty() ? object.path("metadata").path("name").asText() : flags.string("name");
        String namespace = dryRun == DryRun.CLIENT && ctx.namespaceGiven() ? ctx.namespace() : null;
        ObjectNode service = ServiceGenerator.service(new ServiceGenerator.Params(name, namespace, labels, selector,
                ports, flags.string("protocol"), Introspection.protocols(declared), flags.string("target-port"),
                flags.string("external-ip"), flags.string("type"), flags.string("load-balancer-ip"),
                flags.string("session-affinity"), clusterIp));
        return override(flags, service);
    }

    /** {@code a=b,c=d}, each part exactly one {@code =}. */
    private static Map<String, String> pairs(String text) throws KubectlException {
        Map<String, String> out = new TreeMap<>();
        for (String spec : text.split(",", -1)) {
            String[] parts = spec.split("=", -1);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw KubectlException.error("unexpected label spec: " + spec);
            }
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    private static ObjectNode override(ParsedFlags flags, ObjectNode service) throws KubectlException {
        String overrides = flags.string("overrides");
        if (overrides.isEmpty()) {
            return service;
        }
        JsonNode patch;
        try {
            patch = JSON.readTree(overrides);
        } catch (java.io.IOException e) {
            throw KubectlException.error(MergePatch.BAD_PATCH);
        }
        try {
            return (ObjectNode) switch (flags.string("override-type")) {
                case "json" -> JsonPatch.apply(service, patch);
                case "strategic" -> StrategicMergePatch.apply(service, patch,
                        PatchSchema.forKind("v1", "Service").orElse(PatchSchema.UNSTRUCTURED));
                default -> MergePatch.apply(service, patch);
            };
        } catch (RuntimeException e) {
            throw KubectlException.error(e.getMessage());
        }
    }
}
