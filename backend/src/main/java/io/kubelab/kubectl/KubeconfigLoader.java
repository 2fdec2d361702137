package io.kubelab.kubectl;

/**
 * Finds the kubeconfig as kubectl's loading rules do: {@code --kubeconfig} (which must exist), else the
 * first existing file of {@code $KUBECONFIG}, else {@code ~/.kube/config}; none at all is an empty config.
 */
final class KubeconfigLoader {

    private KubeconfigLoader() {
    }

    static Kubeconfig load(Workstation ws, String explicit) throws KubectlException {
        if (!explicit.isEmpty()) {
            String text = ws.read(explicit).orElseThrow(() ->
                    KubectlException.error("stat " + explicit + ": no such file or directory"));
            return Kubeconfig.parse(explicit, text);
        }
        String env = ws.env("KUBECONFIG");
        if (env != null && !env.isEmpty()) {
            for (String path : env.split(":")) {
                if (!path.isEmpty() && ws.read(path).isPresent()) {
                    return Kubeconfig.parse(path, ws.read(path).get());
                }
            }
            return Kubeconfig.empty(env.split(":")[0]);
        }
        String path = defaultPath(ws);
        var text = ws.read(path);
        return text.isPresent() ? Kubeconfig.parse(path, text.get()) : Kubeconfig.empty(path);
    }

    static String defaultPath(Workstation ws) {
        return ws.home() + "/.kube/config";
    }
}
