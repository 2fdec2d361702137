package io.kubelab.kubectl;

import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;

/**
 * kubectl's persistent flags ({@code kubectl options}), accepted by every command. Those about TLS,
 * caches, profiling and logging are accepted and have no effect: a sandbox has one API server.
 */
final class GlobalFlags {

    static final String NAMESPACE = "namespace";
    static final String CONTEXT = "context";
    static final String KUBECONFIG = "kubeconfig";
    static final String AS = "as";
    static final String AS_GROUP = "as-group";

    private GlobalFlags() {
    }

    static FlagSet all() {
        return new FlagSet()
                .add(Flag.string(AS, "", "", "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."))
                .add(Flag.stringArray(AS_GROUP, "", "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."))
                .add(Flag.string("as-uid", "", "", "UID to impersonate for the operation."))
                .add(Flag.string("cache-dir", "", "/home/student/.kube/cache", "Default cache directory"))
                .add(Flag.string("certificate-authority", "", "", "Path to a cert file for the certificate authority"))
                .add(Flag.string("client-certificate", "", "", "Path to a client certificate file for TLS"))
                .add(Flag.string("client-key", "", "", "Path to a client key file for TLS"))
                .add(Flag.string("cluster", "", "", "The name of the kubeconfig cluster to use"))
                .add(Flag.string(CONTEXT, "", "", "The name of the kubeconfig context to use"))
                .add(Flag.bool("disable-compression", "", false, "If true, opt-out of response compression for all requests to the server"))
                .add(Flag.bool("insecure-skip-tls-verify", "", false, "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"))
                .add(Flag.string(KUBECONFIG, "", "", "Path to the kubeconfig file to use for CLI requests."))
                .add(Flag.duration("log-flush-frequency", "", "5s", "Maximum number of seconds between log flushes"))
                .add(Flag.bool("match-server-version", "", false, "Require server version to match client version"))
                .add(Flag.string(NAMESPACE, "n", "", "If present, the namespace scope for this CLI request"))
                .add(Flag.string("password", "", "", "Password for basic authentication to the API server"))
                .add(Flag.string("profile", "", "none", "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)"))
                .add(Flag.string("profile-output", "", "profile.pprof", "Name of the file to write the profile to"))
                .add(Flag.string("request-timeout", "", "0", "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests."))
                .add(Flag.string("server", "s", "", "The address and port of the Kubernetes API server"))
                .add(Flag.string("tls-server-name", "", "", "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"))
                .add(Flag.string("token", "", "", "Bearer token for authentication to the API server"))
                .add(Flag.string("user", "", "", "The name of the kubeconfig user to use"))
                .add(Flag.string("username", "", "", "Username for basic authentication to the API server"))
                .add(new Flag("v", "v", Flag.Type.INT32, "0", "number for the log level verbosity"))
                .add(new Flag("vmodule", "", Flag.Type.STRING, "", "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)"))
                .add(Flag.bool("warnings-as-errors", "", false, "Treat warnings received from the server as errors and exit with a non-zero exit code"));
    }
}
