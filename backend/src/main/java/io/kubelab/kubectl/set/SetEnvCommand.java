package io.kubelab.kubectl.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.mutate.TargetObjects;
import io.kubelab.model.ResourceTypes;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code kubectl set env}: lists ({@code --list}), sets ({@code KEY=VALUE}, {@code -e}, {@code --from}
 * a ConfigMap or Secret) and removes ({@code KEY-}) containers' environment variables in pod templates.
 */
public final class SetEnvCommand extends PodSpecCommand {

    static final String CONTAINERS = "containers";
    static final String ENV = "env";
    static final String FROM = "from";
    static final String KEYS = "keys";
    static final String LIST = "list";
    static final String OVERWRITE = "overwrite";
    static final String PREFIX = "prefix";
    private static final Pattern INVALID_ENV_CHARS = Pattern.compile("[^a-zA-Z0-9_]");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    @Override
    public String name() {
        return "env";
    }

    @Override
    public String summary() {
        return "Update environment variables on a pod template";
    }

    @Override
    public String usage() {
        return "kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]";
    }

    @Override
    public String description() {
        return """
                Update environment variables on a pod template.

                 List environment variable definitions in one or more pods, pod templates. Add, update, or remove \
                container environment variable definitions in one or more pod templates (within replication \
                controllers or deployment configurations). View or modify the environment variable definitions on \
                all containers in the specified pods or pod templates, or just those that match a wildcard.

                 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.""";
    }

    @Override
    public String examples() {
        return """
                  # Set MODE=debug in the containers of the deployment web
                  kubectl set env deployment/web MODE=debug

                  # List the environment of the deployment web
                  kubectl set env deployment/web --list

                  # Import every key of the config map settings
                  kubectl set env deployment/web --from=configmap/settings

                  # Remove MODE
                  kubectl set env deployment/web MODE-""";
    }

    @Override
    public FlagSet flags() {
        return templateFlags("Filename, directory, or URL to files the resource to update the env",
                "If true, select all resources in the namespace of the specified resource types")
                .add(Flag.string(CONTAINERS, "c", "*", "The names of containers in the selected pod templates to change - may use wildcards"))
                .add(Flag.stringArray(ENV, "e", "Specify a key-value pair for an environment variable to set into each container."))
                .add(Flag.string(FROM, "", "", "The name of a resource from which to inject environment variables"))
                .add(Flag.stringSlice(KEYS, "", "Comma-separated list of keys to import from specified resource"))
                .add(Flag.bool(LIST, "", false, "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env."))
                .add(Flag.bool(OVERWRITE, "", true, "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment."))
                .add(Flag.string(PREFIX, "", "", "Prefix to append to variable names"))
                .add(Flag.bool("resolve", "", false, "If true, show secret or configmap references when listing variables"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> resources = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (String arg : flags.args()) {
            boolean pair = arg.contains("=") || arg.endsWith("-");
            if (pair) {
                pairs.add(arg);
            } else if (!pairs.isEmpty()) {
                throw KubectlException.error("all resources must be specified before environment changes: "
                        + String.join(" ", flags.args()));
            } else {
                resources.add(arg);
            }
        }
        pairs.addAll(flags.strings(ENV));
        ArrayNode set = JsonNodeFactory.instance.arrayNode();
        List<String> remove = new ArrayList<>();
        parse(pairs, set, remove);
        boolean list = flags.bool(LIST);
        if (flags.strings(FILENAME).isEmpty() && resources.isEmpty()) {
            throw KubectlException.error("one or more resources must be specified as <resource> <name> or <resource>/<name>");
        }
        if (list && !flags.string(io.kubelab.kubectl.OutputFlags.OUTPUT).isEmpty()) {
            throw KubectlException.error("--list and --output may not be specified together");
        }
        if (!flags.strings(KEYS).isEmpty() && flags.string(FROM).isEmpty()) {
            throw KubectlException.error("when specifying --keys, a configmap or secret must be provided with --from");
        }
        if (!flags.string(FROM).isEmpty()) {
            from(ctx, flags.string(FROM), flags.strings(KEYS), flags.string(PREFIX), set);
        }
        List<TargetObjects.Info> infos = objects(ctx, flags, resources);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + flags.string(CONTAINERS));
        if (list) {
            for (TargetObjects.Info info : infos) {
                List<String> path = PodTemplates.path(info.type().kind());
                if (path != null) {
                    print(ctx, info, PodTemplates.spec(info.object(), path), matcher);
                }
            }
            return;
        }
        boolean overwrite = flags.bool(OVERWRITE);
        update(ctx, flags, infos, (spec, errors) -> change(spec, matcher, set, remove, overwrite, errors),
                "env updated", "failed to patch env update to pod template");
    }

    /** envutil's ParseEnv: {@code KEY=VALUE} with a valid name, {@code KEY-}. */
    private static void parse(List<String> pairs, ArrayNode set, List<String> remove) throws KubectlException {
        for (String spec : pairs) {
            if (spec.contains("=")) {
                int eq = spec.indexOf('=');
                String key = spec.substring(0, eq);
                if (!ENV_NAME.matcher(key).matches()) {
                    throw KubectlException.error("\"" + key + "\" is not a valid key name: a valid environment variable "
                            + "name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start "
                            + "with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for "
                            + "validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
                }
                set.addObject().put("name", key).put("value", spec.substring(eq + 1));
            } else if (spec.endsWith("-")) {
                remove.add(spec.substring(0, spec.length() - 1));
            } else {
                throw KubectlException.error("unknown environment variable: " + spec);
            }
        }
    }

    /** {@code --from=configmap/x}: one variable per key (sorted), named as kubectl names them, read by reference. */
    private static void from(KubectlContext ctx, String from, List<String> keys, String prefix, ArrayNode set)
            throws KubectlException {
        int slash = from.indexOf('/');
        String kind = slash < 0 ? "" : from.substring(0, slash).toLowerCase(java.util.Locale.ROOT);
        boolean secret = kind.equals("secret") || kind.equals("secrets");
        boolean configMap = kind.equals("configmap") || kind.equals("configmaps") || kind.equals("cm");
        if (!secret && !configMap) {
            throw KubectlException.error("unsupported resource specified in --from");
        }
        String name = from.substring(slash + 1);
        JsonNode object;
        try {
            object = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET,
                    ResourceTypes.of("v1", secret ? "Secret" : "ConfigMap"), ctx.namespace(), name)).body();
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        TreeMap<String, Boolean> all = new TreeMap<>();
        object.path("data").fieldNames().forEachRemaining(k -> all.put(k, true));
        object.path("binaryData").fieldNames().forEachRemaining(k -> all.put(k, true));
        for (String key : all.keySet()) {
            if (!keys.isEmpty() && !keys.contains(key)) {
                continue;
            }
            ObjectNode env = set.addObject();
            env.put("name", prefix + INVALID_ENV_CHARS.matcher(key).replaceAll("_").toUpperCase(java.util.Locale.ROOT));
            env.putObject("valueFrom").putObject(secret ? "secretKeyRef" : "configMapKeyRef").put("key", key)
                    .put("name", name);
        }
    }

    private static ObjectNode change(ObjectNode spec, PathMatcher matcher, ArrayNode set, List<String> remove,
                                     boolean overwrite, List<String> errors) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : spec.path(list)) {
                if (!matcher.matches(Path.of(c.path("name").asText()))) {
                    continue;
                }
                ArrayNode env = ((ObjectNode) c).withArray("env");
                ArrayNode changed = JsonNodeFactory.instance.arrayNode();
                for (JsonNode wanted : set) {
                    JsonNode current = find(env, wanted.path("name").asText());
                    if (current == null) {
                        env.add(wanted.deepCopy());
                        changed.add(wanted.deepCopy());
                    } else if (!current.equals(wanted)) {
                        if (!overwrite) {
                            errors.add("'" + wanted.path("name").asText() + "' already has a value ("
                                    + current.path("value").asText() + "), and --overwrite is false");
                            continue;
                        }
                        ((ObjectNode) current).removeAll().setAll((ObjectNode) wanted.deepCopy());
                        changed.add(wanted.deepCopy());
                    }
                }
                for (String key : remove) {
                    for (Iterator<JsonNode> it = env.elements(); it.hasNext(); ) {
                        if (it.next().path("name").asText().equals(key)) {
                            it.remove();
                            changed.addObject().put("$patch", "delete").put("name", key);
                        }
                    }
                }
                if (env.isEmpty()) {
                    ((ObjectNode) c).remove("env");
                }
                if (!changed.isEmpty()) {
                    patch.withArray(list).addObject().put("name", c.path("name").asText()).set("env", changed);
                }
            }
        }
        return patch;
    }

    private static JsonNode find(ArrayNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** {@code # Deployment web, container nginx} and the variables, references as kubectl describes them. */
    private static void print(KubectlContext ctx, TargetObjects.Info info, ObjectNode spec, PathMatcher matcher) {
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : spec.path(list)) {
                if (!matcher.matches(Path.of(c.path("name").asText()))) {
                    continue;
                }
                ctx.out().append("# ").append(info.type().kind()).append(' ').append(info.name())
                        .append(", container ").append(c.path("name").asText()).append('\n');
                for (JsonNode e : c.path("env")) {
                    JsonNode from = e.path("valueFrom");
                    if (from.isMissingNode()) {
                        ctx.out().append(e.path("name").asText()).append('=').append(e.path("value").asText()).append('\n');
                    } else {
                        ctx.out().append("# ").append(e.path("name").asText()).append(" from ").append(reference(from))
                                .append('\n');
                    }
                }
            }
        }
    }

    /** envutil's GetEnvVarRefString. */
    private static String reference(JsonNode from) {
        if (from.has("configMapKeyRef")) {
            return "configmap " + from.path("configMapKeyRef").path("name").asText() + ", key "
                    + from.path("configMapKeyRef").path("key").asText();
        }
        if (from.has("secretKeyRef")) {
            return "secret " + from.path("secretKeyRef").path("name").asText() + ", key "
                    + from.path("secretKeyRef").path("key").asText();
        }
        if (from.has("fieldRef")) {
            return "field path " + from.path("fieldRef").path("fieldPath").asText();
        }
        if (from.has("resourceFieldRef")) {
            JsonNode r = from.path("resourceFieldRef");
            String container = r.path("containerName").asText("");
            return "resource " + r.path("resource").asText() + (container.isEmpty() ? "" : ", container " + container);
        }
        return "invalid valueFrom";
    }
}
