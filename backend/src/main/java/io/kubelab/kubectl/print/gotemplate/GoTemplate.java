package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.print.gotemplate.TemplateNode.ListNode;

import java.util.HashMap;
import java.util.Map;

/**
 * A Go template as kubectl's {@code -o go-template=TEMPLATE} (and {@code -o go-template-file=FILE}, whose
 * content the verb reads and passes here) uses it: Go's {@code text/template} named {@code output}, over
 * the object as a generic JSON map, with kubectl's extra functions {@code exists} and {@code base64decode}.
 * kubectl sets {@code missingkey=default} ({@code <no value>}) unless
 * {@code --allow-missing-template-keys=false} ({@code missingkey=error}).
 * <p>
 * Bounded: execution stops with an error past {@link #MAX_OUTPUT} characters of output or
 * {@link #MAX_STEPS} evaluation steps (actions, commands and loop passes), and {@code {{template}}}
 * recursion past 1000 levels (Go allows 100000 and says so: we print Go's message); parsing refuses
 * parentheses and if/range/with nested more than 100 deep. Immutable; execute may be called concurrently.
 */
public final class GoTemplate {

    /** The template name kubectl gives, which Go's messages quote. */
    public static final String NAME = "output";
    public static final int MAX_OUTPUT = 8 * 1024 * 1024;
    public static final long MAX_STEPS = 5_000_000;

    private final String text;
    private final Map<String, ListNode> templates;

    private GoTemplate(String text, Map<String, ListNode> templates) {
        this.text = text;
        this.templates = templates;
    }

    /** Parses; the exception message is Go's, e.g. {@code template: output:1: unclosed action}. */
    public static GoTemplate parse(String text) throws GoTemplateException {
        Map<String, ListNode> templates = new HashMap<>();
        try {
            TemplateParser.parse(NAME, text, templates);
        } catch (StackOverflowError e) {
            // unreachable within the parser's depth limit; kept as the last line of defence
            throw new GoTemplateException("template: " + NAME + ": " + TemplateParser.MAX_DEPTH, "");
        }
        return new GoTemplate(text, Map.copyOf(templates));
    }

    public String text() {
        return text;
    }

    /** Executes with kubectl's default {@code missingkey=default}. */
    public String execute(JsonNode data) throws GoTemplateException {
        return execute(data, true);
    }

    public String execute(JsonNode data, boolean allowMissingKeys) throws GoTemplateException {
        // kubectl hands the template json.Unmarshal(json.Marshal(obj)): whole floats come back as int64
        return new TemplateExec(text, templates, !allowMissingKeys).execute(NAME, GoNumbers.reencoded(data));
    }
}
