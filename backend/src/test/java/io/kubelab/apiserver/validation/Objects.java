package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.Status;

import java.util.Iterator;
import java.util.Map;

/** Test objects written as JSON with single quotes, and JSON merge patches (RFC 7386) applied to them. */
final class Objects {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Objects() {
    }

    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    /** {@code base} with {@code patch} merged in; a null in the patch removes the field. */
    static ObjectNode merge(ObjectNode base, String patch) {
        ObjectNode out = base.deepCopy();
        mergeInto(out, json(patch));
        return out;
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.path(e.getKey()).isObject()) {
                mergeInto((ObjectNode) target.get(e.getKey()), (ObjectNode) value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    static Status.Cause cause(String reason, String field, String message) {
        return new Status.Cause(reason, message, field);
    }

    /** apimachinery's DNS-1123 subdomain message, which many rules quote. */
    static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
            + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
            + "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    static final String POD = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','namespace':'default',"
            + "'resourceVersion':'5','uid':'u1','creationTimestamp':'2024-05-01T10:00:00Z'},'spec':{'containers':[{'name':'nginx',"
            + "'image':'nginx','imagePullPolicy':'Always','terminationMessagePolicy':'File'}],'restartPolicy':'Always',"
            + "'dnsPolicy':'ClusterFirst'}}";

    static final String TEMPLATE = "{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'nginx',"
            + "'image':'nginx','imagePullPolicy':'Always','terminationMessagePolicy':'File'}],'restartPolicy':'Always',"
            + "'dnsPolicy':'ClusterFirst'}}";

    static final String DEPLOYMENT = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
            + "'namespace':'default','resourceVersion':'5'},'spec':{'replicas':1,'selector':{'matchLabels':{'app':'web'}},"
            + "'template':" + TEMPLATE + ",'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxUnavailable':'25%',"
            + "'maxSurge':'25%'}},'revisionHistoryLimit':10,'progressDeadlineSeconds':600}}";
}
