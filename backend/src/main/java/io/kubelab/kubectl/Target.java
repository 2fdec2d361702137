package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where completion reads the cluster: the API server of the kubeconfig's current (or {@code --context})
 * context, in the namespace of {@code -n} or that context, as the user ({@code --as} too). Without a
 * usable kubeconfig kubectl reaches no server, and completion offers no names.
 */
final class Target {

    private final KubectlContext ctx;
    private final String namespace;
    private final UserInfo user;
    private final boolean connected;

    Target(KubectlContext ctx, ParsedFlags flags) {
        this.ctx = ctx;
        String ns = "";
        boolean reachable = false;
        UserInfo as = ctx.user();
        try {
            Kubeconfig config = KubeconfigLoader.load(ctx.workstation(), flags.string(GlobalFlags.KUBECONFIG));
            String contextName = flags.changed(GlobalFlags.CONTEXT) ? flags.string(GlobalFlags.CONTEXT)
                    : config.currentContext();
            Optional<JsonNode> context = contextName.isEmpty() ? Optional.empty() : config.context(contextName);
            reachable = context.isPresent();
            ns = context.map(c -> c.path("namespace").asText("")).orElse("");
            if (flags.changed(GlobalFlags.AS) || flags.changed(GlobalFlags.AS_GROUP)) {
                as = ctx.api().impersonate(as, flags.string(GlobalFlags.AS), flags.strings(GlobalFlags.AS_GROUP));
            }
        } catch (KubectlException | StatusException e) {
            reachable = false;
        }
        if (flags.changed(GlobalFlags.NAMESPACE)) {
            ns = flags.string(GlobalFlags.NAMESPACE);
        }
        this.namespace = ns.isEmpty() ? "default" : ns;
        this.user = as;
        this.connected = reachable;
    }

    /** The objects {@code kubectl get <type>} lists here, in the server's order; none when it would fail. */
    List<JsonNode> list(String typeWord) {
        List<JsonNode> out = new ArrayList<>();
        if (!connected) {
            return out;
        }
        for (String word : typeWord.split(",")) {
            var types = io.kubelab.model.ResourceTypes.lookup(word);
            if (types.isEmpty() || !types.get(0).supports("list")) {
                continue;
            }
            var type = types.get(0);
            try {
                ApiServer api = ctx.api();
                var response = api.handle(ApiRequest.of(user, ApiRequest.Verb.LIST, type,
                        type.namespaced() ? namespace : "", ""));
                response.body().path("items").forEach(out::add);
            } catch (StatusException | KubectlContext.NoServer e) {
                // Forbidden, or no server: kubectl's completion prints nothing then either.
            }
        }
        return out;
    }

    /** One object, as {@code kubectl get <type> <name>} reads it. */
    Optional<JsonNode> get(String typeWord, String name) {
        var types = io.kubelab.model.ResourceTypes.lookup(typeWord);
        if (!connected || types.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        var type = types.get(0);
        try {
            return Optional.of(ctx.api().handle(ApiRequest.of(user, ApiRequest.Verb.GET, type,
                    type.namespaced() ? namespace : "", name)).body());
        } catch (StatusException | KubectlContext.NoServer e) {
            return Optional.empty();
        }
    }

    List<String> kubeconfigNames(String list) {
        return kubeconfigNames(ctx, list);
    }

    /** The names of a kubeconfig list ({@code contexts}, {@code clusters}, {@code users}). */
    static List<String> kubeconfigNames(KubectlContext ctx, String list) {
        List<String> names = new ArrayList<>();
        try {
            Kubeconfig config = KubeconfigLoader.load(ctx.workstation(), "");
            config.tree().path(list).forEach(entry -> names.add(entry.path("name").asText()));
        } catch (KubectlException e) {
            // An unreadable kubeconfig has no names to offer.
        }
        return names;
    }
}
