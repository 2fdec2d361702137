package io.kubelab.kubectl.mutate;

import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.resource.Manifests;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** The objects of {@code -f} files taken as they are, without the server ({@code --local}). */
public final class LocalObjects {

    private LocalObjects() {
    }

    public static List<TargetObjects.Info> read(KubectlContext ctx, List<String> files, boolean recursive) throws KubectlException {
        List<TargetObjects.Info> out = new ArrayList<>();
        for (Manifests.Manifest m : Manifests.read(ctx.workstation(), files, recursive, ctx.stdin())) {
            String apiVersion = m.object().path("apiVersion").asText();
            String kind = m.object().path("kind").asText();
            ResourceType type = ResourceTypes.byKind(apiVersion, kind).orElseThrow(() -> KubectlException.error(
                    "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\""));
            out.add(new TargetObjects.Info(type, m.object().path("metadata").path("namespace").asText(""),
                    m.object().path("metadata").path("name").asText(), m.object(), m.source()));
        }
        return out;
    }
}
