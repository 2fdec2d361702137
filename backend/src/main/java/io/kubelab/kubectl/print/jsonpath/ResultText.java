package io.kubelab.kubectl.print.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.print.gotemplate.GoPrint;

import java.util.List;

/**
 * How kubectl 1.32 prints one result list: values joined by a space; maps and lists as compact JSON
 * (Go's {@code json.Marshal}: keys sorted), null as {@code null}, strings raw, numbers as Go prints them.
 */
final class ResultText {

    private ResultText() {
    }

    static void print(StringBuilder out, List<JsonNode> results) {
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            if (r == null || r.isNull() || r.isContainerNode()) {
                out.append(GoPrint.json(r, false));
            } else {
                out.append(GoPrint.scalar(r, false));
            }
            if (i != results.size() - 1) {
                out.append(' ');
            }
        }
    }
}
