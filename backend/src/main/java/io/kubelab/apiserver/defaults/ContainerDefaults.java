package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.defaults.Fields.defaultNumber;
import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.defaultString;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.isEmptyString;
import static io.kubelab.apiserver.defaults.Fields.object;

/** The generated per-container defaulting: {@code SetDefaults_Container}, ports, env, resources, probes, hooks. */
final class ContainerDefaults {

    private ContainerDefaults() {
    }

    /** Containers, init containers and ephemeral containers all get the same treatment. */
    static void container(ObjectNode c) {
        if (isEmptyString(c, "imagePullPolicy")) {
            c.put("imagePullPolicy", "latest".equals(imageTag(c.path("image").asText(""))) ? "Always" : "IfNotPresent");
        }
        defaultString(c, "terminationMessagePath", "/dev/termination-log");
        defaultString(c, "terminationMessagePolicy", "File");
        each(c, "ports", p -> defaultString(p, "protocol", "TCP"));
        each(c, "env", e -> {
            ObjectNode valueFrom = object(e, "valueFrom");
            objectFieldSelector(object(valueFrom, "fieldRef"));
            Fields.quantity(object(valueFrom, "resourceFieldRef"), "divisor");
        });
        ObjectNode resources = object(c, "resources");
        Fields.resourceList(resources, "limits");
        Fields.resourceList(resources, "requests");
        for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            probe(object(c, probe));
        }
        ObjectNode lifecycle = object(c, "lifecycle");
        for (String hook : new String[] {"postStart", "preStop"}) {
            httpGet(object(object(lifecycle, hook), "httpGet"));
        }
    }

    /** {@code SetDefaults_ObjectFieldSelector}. */
    static void objectFieldSelector(ObjectNode fieldRef) {
        if (fieldRef != null) {
            defaultString(fieldRef, "apiVersion", "v1");
        }
    }

    private static void probe(ObjectNode p) {
        if (p == null) {
            return;
        }
        defaultNumber(p, "timeoutSeconds", 1);
        defaultNumber(p, "periodSeconds", 10);
        defaultNumber(p, "successThreshold", 1);
        defaultNumber(p, "failureThreshold", 3);
        httpGet(object(p, "httpGet"));
        ObjectNode grpc = object(p, "grpc");
        if (grpc != null) {
            // GRPCAction.Service carries +default="" in types.go.
            defaultPointer(grpc, "service", "");
        }
    }

    /** {@code SetDefaults_HTTPGetAction}. */
    private static void httpGet(ObjectNode h) {
        if (h != null) {
            defaultString(h, "path", "/");
            defaultString(h, "scheme", "HTTP");
        }
    }

    /**
     * The tag as {@code parsers.ParseImageName} reports it: "latest" when the reference has neither tag nor digest,
     * the tag when it has one, and "" for a digest-only reference (which then pulls IfNotPresent).
     */
    static String imageTag(String image) {
        if (!plausibleReference(image)) {
            return "";
        }
        String name = image;
        int at = name.indexOf('@');
        boolean digest = at >= 0;
        if (digest) {
            name = name.substring(0, at);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            return name.substring(colon + 1);
        }
        return digest ? "" : "latest";
    }

    /** The cheap part of docker reference parsing: no blanks, and a lower-case path after any registry host. */
    private static boolean plausibleReference(String image) {
        if (image.isEmpty() || image.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String name = image.split("[@]")[0];
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        String path = host ? name.substring(slash + 1) : name;
        int colon = path.lastIndexOf(':');
        if (colon > path.lastIndexOf('/')) {
            path = path.substring(0, colon);
        }
        return path.equals(path.toLowerCase(java.util.Locale.ROOT));
    }
}
