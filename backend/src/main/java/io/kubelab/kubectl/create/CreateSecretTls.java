package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubectl create secret tls NAME --cert=... --key=...}: both files must hold PEM data (a certificate
 * and a key), as Go's {@code tls.X509KeyPair} first checks.
 */
final class CreateSecretTls extends GeneratorCommand {

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public String summary() {
        return "Create a TLS secret";
    }

    @Override
    public String description() {
        return "Create a TLS secret from the given public/private key pair.\n\n The key pair must be PEM-encoded and "
                + "the certificate must match the key.";
    }

    @Override
    public String usage() {
        return "kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return "  # A TLS secret from a certificate and its key\n  kubectl create secret tls web-tls --cert=tls.crt --key=tls.key\n";
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.bool("append-hash", "", false, "Append a hash of the secret to its name."))
                .add(Flag.string("cert", "", "", "Path to PEM encoded public key certificate."))
                .add(Flag.string("key", "", "", "Path to private key associated with given certificate."));
    }

    @Override
    protected String apiVersion() {
        return "v1";
    }

    @Override
    protected String kind() {
        return "Secret";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        String certPath = flags.string("cert");
        String keyPath = flags.string("key");
        if (certPath.isEmpty() || keyPath.isEmpty()) {
            throw KubectlException.error("key and cert must be specified");
        }
        String cert = readFile(ctx, certPath);
        String key = readFile(ctx, keyPath);
        if (!cert.contains("-----BEGIN ")) {
            throw KubectlException.error("tls: failed to find any PEM data in certificate input");
        }
        if (!key.contains("-----BEGIN ")) {
            throw KubectlException.error("tls: failed to find any PEM data in key input");
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("tls.crt", cert);
        data.put("tls.key", key);
        ObjectNode secret = SecretData.secret(name, namespace, data, "kubernetes.io/tls");
        if (flags.bool("append-hash")) {
            NameHash.append(secret);
        }
        return secret;
    }

    private static String readFile(KubectlContext ctx, String path) throws KubectlException {
        return ctx.workstation().read(path).orElseThrow(() ->
                KubectlException.error("Cannot read file " + path + ", open " + path + ": no such file or directory"));
    }
}
