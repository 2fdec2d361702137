package io.kubelab.kubectl.resource;

import io.kubelab.kubectl.KubectlException;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * The resource arguments of a verb as kubectl's resource builder reads them: {@code TYPE[,TYPE...]
 * [NAME...]} or {@code TYPE/NAME...}, types by plural, singular, kind or short name, optionally
 * qualified ({@code deployments.apps}, {@code deployments.v1.apps}), {@code all} for the category.
 */
public final class ResourceArgs {

    /** One type with one name, or with no name (every object of the type, as a selector chooses). */
    public record Target(ResourceType type, String name) {
        public boolean isList() {
            return name == null;
        }
    }

    private ResourceArgs() {
    }

    /** The targets {@code args} name; an empty list when there are none. */
    public static List<Target> parse(List<String> args) throws KubectlException {
        List<Target> out = new ArrayList<>();
        if (args.isEmpty()) {
            return out;
        }
        boolean slashForm = args.get(0).contains("/");
        for (String arg : args) {
            if (arg.contains("/") != slashForm) {
                if (slashForm) {
                    throw KubectlException.error("arguments in resource/name form must have a single resource and name");
                }
                throw KubectlException.error("there is no need to specify a resource type as a separate argument when "
                        + "passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead "
                        + "of 'kubectl get resource resource/<resource_name>'");
            }
        }
        if (slashForm) {
            for (String arg : args) {
                String[] parts = arg.split("/", -1);
                if (parts.length > 2) {
                    throw KubectlException.error("arguments in resource/name form may not have more than one slash");
                }
                if (parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw KubectlException.error("arguments in resource/name form must have a single resource and name");
                }
                for (ResourceType type : types(parts[0])) {
                    out.add(new Target(type, parts[1]));
                }
            }
            return out;
        }
        List<ResourceType> types = types(args.get(0));
        List<String> names = args.subList(1, args.size());
        for (ResourceType type : types) {
            if (names.isEmpty()) {
                out.add(new Target(type, null));
            }
            for (String name : names) {
                out.add(new Target(type, name));
            }
        }
        return out;
    }

    /** The types a comma-separated word names, in the order given, categories expanded. */
    public static List<ResourceType> types(String words) throws KubectlException {
        List<ResourceType> out = new ArrayList<>();
        // An empty word ("pods," or ",pods") is a type the RESTMapper cannot find, as in kubectl.
        for (String word : words.split(",", -1)) {
            for (ResourceType type : type(word)) {
                if (!out.contains(type)) {
                    out.add(type);
                }
            }
        }
        return out;
    }

    /**
     * The type one word names (the preferred group's when several groups serve it, as with core and
     * events.k8s.io Events), or every member of a category such as {@code all}.
     */
    public static List<ResourceType> type(String word) throws KubectlException {
        List<ResourceType> found = word.isEmpty() ? List.of() : ResourceTypes.lookup(word);
        if (!found.isEmpty()) {
            return List.of(found.get(0));
        }
        List<ResourceType> category = new ArrayList<>();
        for (ResourceType type : ResourceTypes.all()) {
            if (type.categories().contains(word)) {
                category.add(type);
            }
        }
        if (category.isEmpty()) {
            throw KubectlException.error("the server doesn't have a resource type \"" + word + "\"");
        }
        return category;
    }

    /** {@code pod}, {@code deployment.apps}: how kubectl names a type in {@code -o name} and messages. */
    public static String kindPrefix(ResourceType type) {
        String kind = type.kind().toLowerCase(java.util.Locale.ROOT);
        return type.group().isEmpty() ? kind : kind + "." + type.group();
    }
}
