package io.kubelab.kubectl.print.jsonpath;

import io.kubelab.kubectl.go.GoText;
import io.kubelab.kubectl.print.jsonpath.PathNode.ArrayNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.BoolNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.FieldNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.FilterNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.FloatNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.IdentifierNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.IntNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.ListNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.Param;
import io.kubelab.kubectl.print.jsonpath.PathNode.RecursiveNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.TextNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.UnionNode;
import io.kubelab.kubectl.print.jsonpath.PathNode.WildcardNode;

import io.kubelab.kubectl.print.gotemplate.GoPrint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * client-go's JSONPath parser ({@code util/jsonpath/parser.go}): text outside braces is printed as is; inside
 * {@code {...}} a sequence of fields, indexes, filters, quoted strings, numbers and the words {@code range} and
 * {@code end}. Same scanning rules and error texts; written as a loop (Go recurses once per token).
 */
final class JsonPathParser {

    private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
    private static final Pattern SLICE = Pattern.compile("^(-?\\d*)(:-?\\d*)?(:-?\\d*)?$");
    private static final Pattern FILTER = Pattern.compile("^([^!<>=]+)([!<>=]+)(.+?)$");
    private static final int EOF = -1;

    /** Our message should the Java stack run out (unions and filters nest at most two levels). */
    static final String TOO_DEEP = "template nesting too deep";

    private final String input;
    private final ListNode root = new ListNode(new ArrayList<>());
    private int pos;
    private int start;
    private int width;

    private JsonPathParser(String input) {
        this.input = input;
    }

    static ListNode parse(String text) {
        JsonPathParser p = new JsonPathParser(text);
        p.run();
        return p.root;
    }

    /**
     * One action's contents, as Go's {@code parseAction}: the first list of {@code {text}}. Union parts and
     * filter sides cannot contain the brackets that end them, so this nests at most twice.
     */
    private static ListNode parseAction(String text) {
        return (ListNode) parse("{" + text + "}").nodes().get(0);
    }

    private void run() {
        ListNode cur = parseText();
        while (cur != null) {
            while (insideAction(cur)) {
                // keep scanning tokens of this action
            }
            cur = parseText();
        }
    }

    /** Scans text up to the next '{'; returns the new action's list, or null at the end of input. */
    private ListNode parseText() {
        while (true) {
            if (input.startsWith("{", pos)) {
                if (pos > start) {
                    root.nodes().add(new TextNode(consumeText()));
                }
                pos++;
                consumeText();
                ListNode action = new ListNode(new ArrayList<>());
                root.nodes().add(action);
                return action;
            }
            if (next() == EOF) {
                break;
            }
        }
        if (pos > start) {
            root.nodes().add(new TextNode(consumeText()));
        }
        return null;
    }

    /** Scans one token of an action; false once the closing '}' is consumed. */
    private boolean insideAction(ListNode cur) {
        if (input.startsWith("}", pos)) {
            pos++;
            consumeText();
            return false;
        }
        if (input.startsWith("[?(", pos)) {
            parseFilter(cur);
            return true;
        }
        if (input.startsWith("..", pos)) {
            parseRecursive(cur);
            return true;
        }
        int r = next();
        if (r == EOF || isEndOfLine(r)) {
            throw new JsonPathException("unclosed action");
        } else if (r == ' ' || r == '@' || r == '$') {
            consumeText();
        } else if (r == '[') {
            parseArray(cur);
        } else if (r == '"' || r == '\'') {
            parseQuote(cur, r);
        } else if (r == '.') {
            parseField(cur);
        } else if (r == '+' || r == '-' || Character.isDigit(r)) {
            backup();
            parseNumber(cur);
        } else if (isAlphaNumeric(r)) {
            backup();
            parseIdentifier(cur);
        } else {
            throw new JsonPathException("unrecognized character in action: " + GoText.unicodeFormat(r));
        }
        return true;
    }

    private void parseIdentifier(ListNode cur) {
        while (true) {
            int r = next();
            if (isTerminator(r)) {
                backup();
                break;
            }
        }
        String value = consumeText();
        if (value.equals("true") || value.equals("false")) {
            cur.nodes().add(new BoolNode(Boolean.parseBoolean(value)));
        } else {
            cur.nodes().add(new IdentifierNode(value));
        }
    }

    private void parseRecursive(ListNode cur) {
        List<PathNode> nodes = cur.nodes();
        if (!nodes.isEmpty() && nodes.get(nodes.size() - 1) instanceof RecursiveNode) {
            throw new JsonPathException("invalid multiple recursive descent");
        }
        pos += 2;
        consumeText();
        nodes.add(new RecursiveNode());
        int r = peek();
        if (isAlphaNumeric(r)) {
            parseField(cur);
        }
    }

    private void parseNumber(ListNode cur) {
        int r = peek();
        if (r == '+' || r == '-') {
            next();
        }
        while (true) {
            r = next();
            if (r != '.' && !Character.isDigit(r)) {
                backup();
                break;
            }
        }
        String value = consumeText();
        try {
            cur.nodes().add(new IntNode(Long.parseLong(value)));
            return;
        } catch (NumberFormatException notInt) {
            // Go tries strconv.Atoi, then ParseFloat
        }
        try {
            if (!value.isEmpty() && value.chars().anyMatch(Character::isDigit)) {
                cur.nodes().add(new FloatNode(Double.parseDouble(value)));
                return;
            }
        } catch (NumberFormatException notFloat) {
            // falls through to Go's error
        }
        throw new JsonPathException("cannot parse number " + value);
    }

    private void parseArray(ListNode cur) {
        while (true) {
            int r = next();
            if (r == EOF || r == '\n') {
                throw new JsonPathException("unterminated array");
            }
            if (r == ']') {
                break;
            }
        }
        String text = consumeText();
        text = text.substring(1, text.length() - 1);
        if (text.equals("*")) {
            text = ":";
        }
        String[] parts = text.split(",", -1);
        if (parts.length > 1) {
            List<ListNode> union = new ArrayList<>();
            for (String part : parts) {
                union.add(parseAction("[" + GoRunes.trimSpaces(part) + "]"));
            }
            cur.nodes().add(new UnionNode(union));
            return;
        }
        Matcher dict = DICT_KEY.matcher(text);
        if (dict.matches()) {
            cur.nodes().addAll(parseAction("." + dict.group(1)).nodes());
            return;
        }
        Matcher slice = SLICE.matcher(text);
        if (!slice.matches()) {
            throw new JsonPathException("invalid array index " + text);
        }
        Param[] params = new Param[3];
        for (int i = 0; i < 3; i++) {
            String v = slice.group(i + 1) == null ? "" : slice.group(i + 1);
            if (!v.isEmpty()) {
                if (i > 0) {
                    v = v.substring(1);
                }
                if (i > 0 && v.isEmpty()) {
                    params[i] = Param.UNKNOWN;
                } else {
                    params[i] = new Param(atoi(v), true, false);
                }
            } else if (i == 1) {
                params[i] = new Param(params[0].value() + 1, true, true);
            } else {
                params[i] = Param.UNKNOWN;
            }
        }
        cur.nodes().add(new ArrayNode(params[0], params[1], params[2]));
    }

    private static long atoi(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new JsonPathException("array index " + v + " is not a number");
        }
    }

    private void parseFilter(ListNode cur) {
        pos += 3;
        consumeText();
        boolean begin = false;
        boolean end = false;
        int pair = 0;
        while (true) {
            int r = next();
            if (r == EOF || r == '\n') {
                throw new JsonPathException("unterminated filter");
            }
            if (r == '"' || r == '\'') {
                if (!begin) {
                    begin = true;
                    pair = r;
                    continue;
                }
                if (input.charAt(pos - 2) != '\\' && r == pair) {
                    end = true;
                }
            } else if (r == ')' && begin == end) {
                break;
            }
        }
        if (next() != ']') {
            throw new JsonPathException("unclosed array expect ]");
        }
        String text = consumeText();
        text = text.substring(0, text.length() - 2);
        Matcher m = FILTER.matcher(text);
        if (!m.matches()) {
            cur.nodes().add(new FilterNode(parseAction(text), new ListNode(new ArrayList<>()), "exists"));
        } else {
            ListNode left = parseAction(m.group(1));
            ListNode right = parseAction(m.group(3));
            cur.nodes().add(new FilterNode(left, right, m.group(2)));
        }
    }

    private void parseQuote(ListNode cur, int quote) {
        while (true) {
            int r = next();
            if (r == EOF || r == '\n') {
                throw new JsonPathException("unterminated quoted string");
            }
            if (r == quote && input.charAt(pos - 2) != '\\') {
                break;
            }
        }
        String value = consumeText();
        String s = GoRunes.unquoteExtend(value);
        if (s == null) {
            throw new JsonPathException("unquote string " + value + " error invalid syntax");
        }
        cur.nodes().add(new TextNode(s));
    }

    private void parseField(ListNode cur) {
        consumeText();
        while (advance()) {
            // scan to the next unescaped terminator
        }
        String value = consumeText();
        if (value.equals("*")) {
            cur.nodes().add(new WildcardNode());
        } else {
            cur.nodes().add(new FieldNode(value.replace("\\", "")));
        }
    }

    private boolean advance() {
        int r = next();
        if (r == '\\') {
            next();
        } else if (isTerminator(r)) {
            backup();
            return false;
        }
        return true;
    }

    private String consumeText() {
        String value = input.substring(start, pos);
        start = pos;
        return value;
    }

    private int next() {
        if (pos >= input.length()) {
            width = 0;
            return EOF;
        }
        int r = input.codePointAt(pos);
        width = Character.charCount(r);
        pos += width;
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        pos -= width;
    }

    private static boolean isTerminator(int r) {
        return switch (r) {
            case EOF, ' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}' -> true;
            default -> false;
        };
    }

    private static boolean isEndOfLine(int r) {
        return r == '\r' || r == '\n';
    }

    private static boolean isAlphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }
}
