package io.kubelab.kubectl.create;

import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.Workstation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data of a ConfigMap or generic Secret from {@code --from-literal key=value}, {@code --from-file
 * [key=]path} (a directory gives one key per regular file) and {@code --from-env-file}, with kubectl's
 * checks and messages for each kind. Keys come out sorted, as Go writes a map.
 */
final class DataSources {

    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final String CONFIG_KEY_RULE = "a valid config key must consist of alphanumeric characters, '-', '_' "
            + "or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
    private static final String ENV_RULE = "a valid environment variable name must consist of alphabetic characters, "
            + "digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or "
            + "'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

    private final boolean secret;
    private final String objectName;
    private final Map<String, String> data = new TreeMap<>();

    private DataSources(boolean secret, String objectName) {
        this.secret = secret;
        this.objectName = objectName;
    }

    /** The key/value pairs of all sources; a Secret's values are still plain text here. */
    static Map<String, String> read(KubectlContext ctx, boolean secret, String objectName, List<String> literals,
                                    List<String> files, List<String> envFiles) throws KubectlException {
        if (!envFiles.isEmpty() && (!files.isEmpty() || !literals.isEmpty())) {
            throw KubectlException.error("from-env-file cannot be combined with from-file or from-literal");
        }
        DataSources sources = new DataSources(secret, objectName);
        for (String literal : literals) {
            int eq = literal.indexOf('=');
            if (eq <= 0) {
                throw KubectlException.error("invalid literal source " + literal + ", expected key=value");
            }
            sources.add(literal.substring(0, eq), literal.substring(eq + 1));
        }
        for (String file : files) {
            sources.addFile(ctx.workstation(), file);
        }
        for (String envFile : envFiles) {
            sources.addEnvFile(ctx, envFile);
        }
        return sources.data;
    }

    private void addFile(Workstation ws, String source) throws KubectlException {
        int eq = source.indexOf('=');
        String key = eq < 0 ? null : source.substring(0, eq);
        String path = eq < 0 ? source : source.substring(eq + 1);
        if (key != null && (key.isEmpty() || path.isEmpty())) {
            throw KubectlException.error("key names or file paths cannot be empty");
        }
        if (ws.isDirectory(path)) {
            if (key != null) {
                throw KubectlException.error("cannot give a key name for a directory path");
            }
            String dir = path.endsWith("/") ? path : path + "/";
            for (String entry : ws.list(path)) {
                String item = dir + entry;
                if (!ws.isDirectory(item)) {
                    String content = ws.read(item).orElse(null);
                    if (content != null) {
                        add(entry, content);
                    }
                }
            }
            return;
        }
        String content = ws.read(path).orElseThrow(() ->
                KubectlException.error("error reading " + path + ": no such file or directory"));
        add(key != null ? key : path.substring(path.lastIndexOf('/') + 1), content);
    }

    private void addEnvFile(KubectlContext ctx, String path) throws KubectlException {
        Workstation ws = ctx.workstation();
        String content = ws.read(path).orElseThrow(() ->
                KubectlException.error("error reading " + path + ": no such file or directory"));
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        for (String raw : content.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            if (!ENV_NAME.matcher(key).matches()) {
                throw KubectlException.error(goQuote(key) + " is not a valid key name: " + ENV_RULE);
            }
            String value = eq < 0 ? ws.env(key) : line.substring(eq + 1);
            add(key, value == null ? "" : value);
        }
    }

    private void add(String key, String value) throws KubectlException {
        if (!CONFIG_KEY.matcher(key).matches() || key.equals(".") || key.equals("..") || key.length() > 253) {
            throw KubectlException.error(secret
                    ? goQuote(key) + " is not valid key name for a Secret " + CONFIG_KEY_RULE
                    : goQuote(key) + " is not a valid key name for a ConfigMap: " + CONFIG_KEY_RULE);
        }
        if (data.containsKey(key)) {
            throw KubectlException.error(secret
                    ? "cannot add key " + key + ", another key by that name already exists"
                    : "cannot add key " + goQuote(key) + ", another key by that name already exists in Data for ConfigMap "
                    + goQuote(objectName));
        }
        data.put(key, value);
    }

    private static String goQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
