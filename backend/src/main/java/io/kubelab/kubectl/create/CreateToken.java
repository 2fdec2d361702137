package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiResponse;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.util.List;

/**
 * {@code kubectl create token SERVICE_ACCOUNT}: a TokenRequest to the service account's {@code token}
 * subresource; prints the token the API server issues (or, with {@code -o}, the whole TokenRequest).
 */
final class CreateToken extends Command {

    private static final List<String> BOUND_KINDS = List.of("Node", "Pod", "Secret");

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String summary() {
        return "Request a service account token";
    }

    @Override
    public String description() {
        return "Request a service account token.";
    }

    @Override
    public String usage() {
        return "kubectl create token SERVICE_ACCOUNT_NAME [options]";
    }

    @Override
    public String examples() {
        return """
                  # A token for the service account robot of the current namespace
                  kubectl create token robot

                  # A token valid for ten minutes, for another audience
                  kubectl create token robot --duration=10m --audience=https://example.com
                """;
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet())
                .add(Flag.stringArray("audience", "", "Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences."))
                .add(Flag.string("bound-object-kind", "", "", "Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided."))
                .add(Flag.string("bound-object-name", "", "", "Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind."))
                .add(Flag.string("bound-object-uid", "", "", "UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used."))
                .add(Flag.duration("duration", "", "0s", "Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> args = flags.args();
        int names = flags.argsLenAtDash() >= 0 ? flags.argsLenAtDash() : args.size();
        if (names != 1) {
            throw KubectlException.usageHelp(ctx.commandPath(), "exactly one NAME is required, got " + names);
        }
        Duration duration = flags.duration("duration");
        List<String> audiences = flags.strings("audience");
        String kind = flags.string("bound-object-kind");
        String boundName = flags.string("bound-object-name");
        String boundUid = flags.string("bound-object-uid");
        if (duration.isNegative()) {
            throw KubectlException.error("--duration must be greater than or equal to 0");
        }
        if (duration.getNano() != 0) {
            throw KubectlException.error("--duration cannot be expressed in units less than seconds");
        }
        if (audiences.contains("")) {
            throw KubectlException.error("--audience must not be an empty string");
        }
        if (kind.isEmpty()) {
            if (!boundName.isEmpty()) {
                throw KubectlException.error("--bound-object-name can only be set if --bound-object-kind is provided");
            }
            if (!boundUid.isEmpty()) {
                throw KubectlException.error("--bound-object-uid can only be set if --bound-object-kind is provided");
            }
        } else {
            if (!BOUND_KINDS.contains(kind)) {
                throw KubectlException.error("supported --bound-object-kind values are " + String.join(", ", BOUND_KINDS));
            }
            if (boundName.isEmpty()) {
                throw KubectlException.error("--bound-object-name is required if --bound-object-kind is provided");
            }
        }
        ObjectNode request = Typed.node();
        request.put("kind", "TokenRequest");
        request.put("apiVersion", "authentication.k8s.io/v1");
        request.set("metadata", Typed.meta(null, null));
        ObjectNode spec = request.putObject("spec");
        spec.set("audiences", audiences.isEmpty() ? spec.nullNode() : Typed.strings(audiences));
        if (!duration.isZero()) {
            spec.put("expirationSeconds", duration.getSeconds());
        }
        if (!kind.isEmpty()) {
            ObjectNode ref = spec.putObject("boundObjectRef");
            ref.put("kind", kind);
            ref.put("apiVersion", kind.equals("Node") || kind.equals("Pod") || kind.equals("Secret") ? "v1" : "");
            ref.put("name", boundName);
            if (!boundUid.isEmpty()) {
                ref.put("uid", boundUid);
            }
        }
        request.putObject("status").put("token", "").putNull("expirationTimestamp");
        ApiResponse response;
        try {
            response = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.CREATE,
                    ResourceTypes.of("v1", "ServiceAccount"), ctx.namespace(), args.get(0))
                    .withSubresource("token").withBody(request));
        } catch (StatusException e) {
            throw KubectlException.error("failed to create token: " + e.status().message());
        }
        String token = response.body().path("status").path("token").asText("");
        if (token.isEmpty()) {
            throw KubectlException.error("failed to create token: no token in server response");
        }
        if (flags.changed(OutputFlags.OUTPUT)) {
            OutputFlags.print(ctx, flags, List.of(response.body()), "created");
            return;
        }
        ctx.out().append(token).append('\n');
    }
}
