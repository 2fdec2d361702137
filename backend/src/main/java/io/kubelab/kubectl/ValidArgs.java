package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.kubelab.kubectl.KubectlCompletion.DEFAULT;
import static io.kubelab.kubectl.KubectlCompletion.NO_FILE_COMP;
import static io.kubelab.kubectl.KubectlCompletion.NO_SPACE;

/**
 * The arguments each kubectl command completes, as its {@code ValidArgsFunction} in kubectl 1.32 does
 * (k8s.io/kubectl/pkg/util/completion): resource types and names, {@code TYPE/NAME}, the types a verb
 * accepts, node names, pods and the resources holding pods, containers, ports, kubeconfig contexts. A
 * command with none completes files, as cobra's default directive tells bash to.
 */
final class ValidArgs {

    private enum Kind { TYPE_AND_NAME, SPECIFIED, SPECIFIED_ONCE, NODE, POD, POD_RESOURCE, POD_AND_CONTAINER,
        POD_AND_PORT, CONTEXT, CLUSTER, USER }

    private record Rule(Kind kind, List<String> types) {
    }

    private static final List<String> SCALABLE = List.of("deployment", "replicaset", "replicationcontroller",
            "statefulset");
    private static final List<String> ROLLABLE = List.of("deployment", "daemonset", "statefulset");
    /** kubectl's {@code resourcesWithPods}, offered as {@code TYPE/} beside pod names. */
    private static final List<String> WITH_PODS = List.of("daemonsets", "deployments", "pods", "jobs",
            "replicasets", "replicationcontrollers", "services", "statefulsets");

    private static final Map<String, Rule> RULES = Map.ofEntries(
            rule("get", Kind.TYPE_AND_NAME), rule("describe", Kind.TYPE_AND_NAME), rule("delete", Kind.TYPE_AND_NAME),
            rule("edit", Kind.TYPE_AND_NAME), rule("label", Kind.TYPE_AND_NAME), rule("annotate", Kind.TYPE_AND_NAME),
            rule("patch", Kind.TYPE_AND_NAME),
            Map.entry("scale", new Rule(Kind.SPECIFIED, SCALABLE)),
            Map.entry("autoscale", new Rule(Kind.SPECIFIED_ONCE, SCALABLE)),
            Map.entry("expose", new Rule(Kind.SPECIFIED_ONCE,
                    List.of("pod", "service", "replicationcontroller", "deployment", "replicaset"))),
            Map.entry("rollout history", new Rule(Kind.SPECIFIED, ROLLABLE)),
            Map.entry("rollout restart", new Rule(Kind.SPECIFIED, ROLLABLE)),
            Map.entry("rollout status", new Rule(Kind.SPECIFIED, ROLLABLE)),
            Map.entry("rollout undo", new Rule(Kind.SPECIFIED, ROLLABLE)),
            Map.entry("rollout pause", new Rule(Kind.SPECIFIED, List.of("deployment"))),
            Map.entry("rollout resume", new Rule(Kind.SPECIFIED, List.of("deployment"))),
            Map.entry("set image", new Rule(Kind.SPECIFIED, List.of("daemonsets", "deployments", "pods", "cronjobs",
                    "replicasets", "replicationcontrollers", "statefulsets"))),
            Map.entry("taint", new Rule(Kind.SPECIFIED_ONCE, List.of("node"))),
            rule("cordon", Kind.NODE), rule("uncordon", Kind.NODE), rule("drain", Kind.NODE), rule("top node", Kind.NODE),
            rule("top pod", Kind.POD),
            rule("exec", Kind.POD_RESOURCE), rule("attach", Kind.POD_RESOURCE),
            rule("logs", Kind.POD_AND_CONTAINER), rule("port-forward", Kind.POD_AND_PORT),
            rule("config use-context", Kind.CONTEXT), rule("config delete-context", Kind.CONTEXT),
            rule("config rename-context", Kind.CONTEXT), rule("config set-context", Kind.CONTEXT),
            rule("config get-contexts", Kind.CONTEXT), rule("config delete-cluster", Kind.CLUSTER),
            rule("config delete-user", Kind.USER));

    private ValidArgs() {
    }

    private static Map.Entry<String, Rule> rule(String path, Kind kind) {
        return Map.entry(path, new Rule(kind, List.of()));
    }

    static boolean knows(String path) {
        return RULES.containsKey(path);
    }

    static KubectlCompletion.Result complete(String path, Target target, List<String> args, String toComplete) {
        Rule rule = RULES.get(path);
        if (rule == null) {
            return KubectlCompletion.Result.of(List.of(), DEFAULT);
        }
        return switch (rule.kind()) {
            case TYPE_AND_NAME -> typeAndName(target, List.of(), true, args, toComplete);
            case SPECIFIED -> typeAndName(target, rule.types(), true, args, toComplete);
            case SPECIFIED_ONCE -> typeAndName(target, rule.types(), false, args, toComplete);
            case NODE -> args.isEmpty() ? names(target, "node", toComplete) : none();
            case POD -> args.isEmpty() ? names(target, "pod", toComplete) : none();
            case POD_RESOURCE -> args.isEmpty() ? podResources(target, toComplete) : none();
            case POD_AND_CONTAINER -> args.isEmpty() ? podResources(target, toComplete)
                    : args.size() == 1 ? containers(target, args.get(0), toComplete) : none();
            case POD_AND_PORT -> args.isEmpty() ? podResources(target, toComplete)
                    : args.size() == 1 ? ports(target, args.get(0), toComplete) : none();
            case CONTEXT -> args.isEmpty() ? kubeconfig(target, "contexts", toComplete) : none();
            case CLUSTER -> args.isEmpty() ? kubeconfig(target, "clusters", toComplete) : none();
            case USER -> args.isEmpty() ? kubeconfig(target, "users", toComplete) : none();
        };
    }

    /** kubectl's {@code resourceTypeAndNameCompletionFunc}. */
    private static KubectlCompletion.Result typeAndName(Target target, List<String> allowed, boolean repeat,
                                                        List<String> args, String toComplete) {
        List<String> out = new ArrayList<>();
        int directive = NO_FILE_COMP;
        if (!args.isEmpty() && !args.get(0).contains("/")) {
            if (repeat || args.size() == 1) {
                for (String name : nameList(target, args.get(0), toComplete)) {
                    if (!args.subList(1, args.size()).contains(name)) {
                        out.add(name);
                    }
                }
            }
        } else if (!toComplete.contains("/")) {
            if (args.isEmpty()) {
                out.addAll(allowed.isEmpty() ? resourceList(toComplete) : KubectlCompletion.prefixed(allowed, toComplete));
            } else if (repeat) {
                directive |= NO_SPACE;
                (allowed.isEmpty() ? resourceList(toComplete) : KubectlCompletion.prefixed(allowed, toComplete))
                        .forEach(type -> out.add(type + "/"));
            }
        } else if (repeat || args.isEmpty()) {
            String type = toComplete.substring(0, toComplete.indexOf('/'));
            for (String name : nameList(target, type, toComplete.substring(toComplete.indexOf('/') + 1))) {
                if (!args.contains(type + "/" + name)) {
                    out.add(type + "/" + name);
                }
            }
        }
        return KubectlCompletion.Result.of(out, directive);
    }

    /** kubectl's {@code compGetResourceList}: {@code api-resources -o name --verbs=get}, after a comma too. */
    private static List<String> resourceList(String toComplete) {
        int comma = toComplete.lastIndexOf(',');
        String prefix = comma < 0 ? "" : toComplete.substring(0, comma + 1);
        String suffix = toComplete.substring(comma + 1);
        List<ResourceType> types = new ArrayList<>();
        for (ResourceType t : ResourceTypes.all()) {
            if (t.supports("get")) {
                types.add(t);
            }
        }
        types.sort(Comparator.comparing(ResourceType::group).thenComparing(ResourceType::resource));
        List<String> out = new ArrayList<>();
        for (ResourceType t : types) {
            if (t.groupResource().startsWith(suffix)) {
                out.add(prefix + t.groupResource());
            }
        }
        return out;
    }

    static KubectlCompletion.Result names(Target target, String type, String toComplete) {
        return KubectlCompletion.Result.of(nameList(target, type, toComplete), NO_FILE_COMP);
    }

    private static List<String> nameList(Target target, String type, String toComplete) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : target.list(type)) {
            String name = item.path("metadata").path("name").asText();
            if (name.startsWith(toComplete)) {
                out.add(name);
            }
        }
        return out;
    }

    /** kubectl's {@code doPodResourceCompletion}: pod names, and the types holding pods as {@code TYPE/}. */
    private static KubectlCompletion.Result podResources(Target target, String toComplete) {
        int slash = toComplete.indexOf('/');
        if (slash >= 0) {
            String type = toComplete.substring(0, slash);
            List<String> out = new ArrayList<>();
            nameList(target, type, toComplete.substring(slash + 1)).forEach(n -> out.add(type + "/" + n));
            return KubectlCompletion.Result.of(out, NO_FILE_COMP);
        }
        List<String> out = new ArrayList<>(nameList(target, "pod", toComplete));
        int directive = out.isEmpty() ? NO_FILE_COMP | NO_SPACE : NO_FILE_COMP;
        for (String type : WITH_PODS) {
            if (type.startsWith(toComplete)) {
                out.add(type + "/");
            }
        }
        return KubectlCompletion.Result.of(out, directive);
    }

    /** kubectl's {@code CompGetContainers}: init containers, then containers, of the argument's pod. */
    static KubectlCompletion.Result containers(Target target, String podArg, String toComplete) {
        List<String> out = new ArrayList<>();
        target.get("pod", podName(podArg)).ifPresent(pod -> {
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : pod.path("spec").path(list)) {
                    if (c.path("name").asText().startsWith(toComplete)) {
                        out.add(c.path("name").asText());
                    }
                }
            }
        });
        return KubectlCompletion.Result.of(out, NO_FILE_COMP);
    }

    /** kubectl's {@code CompGetPodContainerPorts} and {@code CompGetServicePorts}: {@code local:remote}. */
    private static KubectlCompletion.Result ports(Target target, String arg, String toComplete) {
        String local = toComplete.split(":", -1)[0];
        List<String> out = new ArrayList<>();
        String[] typeName = arg.split("/", 2);
        boolean service = typeName.length == 2 && List.of("service", "services", "svc").contains(typeName[0]);
        if (service) {
            target.get("service", typeName[1]).ifPresent(svc -> svc.path("spec").path("ports").forEach(p ->
                    out.add((local.isEmpty() ? p.path("port").asText() : local) + ":" + p.path("port").asText())));
        } else {
            target.get("pod", podName(arg)).ifPresent(pod -> pod.path("spec").path("containers").forEach(c ->
                    c.path("ports").forEach(p -> out.add((local.isEmpty() ? p.path("containerPort").asText() : local)
                            + ":" + p.path("containerPort").asText()))));
        }
        return KubectlCompletion.Result.of(KubectlCompletion.prefixed(out, toComplete), NO_FILE_COMP);
    }

    /** The pod an argument names: itself, or {@code pod/NAME}; other {@code TYPE/NAME} forms name none here. */
    private static String podName(String arg) {
        int slash = arg.indexOf('/');
        if (slash < 0) {
            return arg;
        }
        String type = arg.substring(0, slash);
        return type.equals("pod") || type.equals("pods") || type.equals("po") ? arg.substring(slash + 1) : "";
    }

    private static KubectlCompletion.Result kubeconfig(Target target, String list, String toComplete) {
        return KubectlCompletion.Result.of(KubectlCompletion.prefixed(target.kubeconfigNames(list), toComplete),
                NO_FILE_COMP);
    }

    private static KubectlCompletion.Result none() {
        return KubectlCompletion.Result.NONE;
    }

    /**
     * The formats {@code -o} completes, from the flag's own "One of: (...)" as kubectl's print flags list
     * them (their {@code AllowedFormats}); a flag without that list completes files.
     */
    static List<String> outputFormats(Flag flag) {
        String usage = flag.usage();
        int start = usage.indexOf("One of: (");
        int end = start < 0 ? -1 : usage.indexOf(')', start);
        if (end < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String f : usage.substring(start + "One of: (".length(), end).split(",")) {
            out.add(f.strip());
        }
        return out;
    }
}
