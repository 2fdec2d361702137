package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Compact test fixtures: JSON written with single quotes. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode obj(String singleQuoted) {
        try {
            return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static ObjectNode clusterRole(String name, String rules) {
        return obj("{'kind':'ClusterRole','metadata':{'name':'" + name + "'},'rules':" + rules + "}");
    }

    static ObjectNode role(String namespace, String name, String rules) {
        return obj("{'kind':'Role','metadata':{'name':'" + name + "','namespace':'" + namespace + "'},'rules':"
                + rules + "}");
    }

    static ObjectNode clusterRoleBinding(String name, String roleKind, String roleName, String subjects) {
        return obj("{'kind':'ClusterRoleBinding','metadata':{'name':'" + name + "'},'subjects':" + subjects
                + ",'roleRef':{'apiGroup':'rbac.authorization.k8s.io','kind':'" + roleKind + "','name':'" + roleName
                + "'}}");
    }

    static ObjectNode roleBinding(String namespace, String name, String roleKind, String roleName, String subjects) {
        return obj("{'kind':'RoleBinding','metadata':{'name':'" + name + "','namespace':'" + namespace
                + "'},'subjects':" + subjects + ",'roleRef':{'apiGroup':'rbac.authorization.k8s.io','kind':'"
                + roleKind + "','name':'" + roleName + "'}}");
    }
}
