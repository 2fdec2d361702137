package io.kubelab.shell;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jq} as version 1.6 behaves: each JSON value of the input through the filter, outputs pretty-printed
 * with two spaces (or {@code -c}), strings raw with {@code -r}; its error messages and exit codes (2 bad
 * input, 3 bad program, 5 runtime error).
 */
final class Jq {

    /** Filter steps one run may take (iterations, recursion): a student's {@code range(1e9)} must end. */
    static final long MAX_STEPS = 2_000_000;

    /** jq 1.6's exit status after "parse error" (measured: 4, not the documented 2). */
    static final int INPUT_ERROR = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Jq() {
    }

    /** One JSON value, for {@code fromjson}. */
    static JsonNode parseOne(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new JqValues.JqError(text + " (while parsing '" + text + "')");
        }
    }

    static CommandResult run(Shell shell, List<String> args, String stdin) {
        boolean raw = false;
        boolean compact = false;
        boolean nullInput = false;
        boolean slurp = false;
        boolean exitStatus = false;
        boolean join = false;
        boolean sortKeys = false;
        String program = null;
        List<String> files = new ArrayList<>();
        JqFilter.Env env = new JqFilter.Env(null, null, null, new long[]{MAX_STEPS});
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--arg") || a.equals("--argjson")) && i + 2 < args.size()) {
                String name = args.get(++i);
                String value = args.get(++i);
                JsonNode v;
                if (a.equals("--arg")) {
                    v = JqValues.JSON.textNode(value);
                } else {
                    try {
                        v = MAPPER.readTree(value);
                    } catch (JsonProcessingException e) {
                        return CommandResult.failure("jq: invalid JSON text passed to --argjson\n"
                                + "Use jq --help for help with command-line options,\nor see the jq manpage, "
                                + "or online docs  at https://stedolan.github.io/jq\n", 2);
                    }
                }
                env = env.bind(name, v);
            } else if (a.startsWith("--")) {
                switch (a) {
                    case "--raw-output" -> raw = true;
                    case "--compact-output" -> compact = true;
                    case "--null-input" -> nullInput = true;
                    case "--slurp" -> slurp = true;
                    case "--exit-status" -> exitStatus = true;
                    case "--join-output" -> join = true;
                    case "--sort-keys" -> sortKeys = true;
                    default -> { }
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'r' -> raw = true;
                        case 'c' -> compact = true;
                        case 'n' -> nullInput = true;
                        case 's' -> slurp = true;
                        case 'e' -> exitStatus = true;
                        case 'j' -> {
                            join = true;
                            raw = true;
                        }
                        case 'S' -> sortKeys = true;
                        case 'M', 'C', 'a' -> { }
                        default -> {
                            return CommandResult.failure("jq: Unknown option: " + a + "\n"
                                    + "Use jq --help for help with command-line options,\n"
                                    + "or see the jq manpage, or online docs  at https://stedolan.github.io/jq\n", 2);
                        }
                    }
                }
            } else if (program == null) {
                program = a;
            } else {
                files.add(a);
            }
        }
        if (program == null) {
            program = ".";
        }
        JqFilter filter;
        try {
            filter = JqParser.parse(program);
        } catch (JqParser.CompileError e) {
            return CommandResult.failure("jq: error: " + e.getMessage() + "\njq: 1 compile error\n", 3);
        }
        StringBuilder err = new StringBuilder();
        List<Inputs.Source> sources = Inputs.read(shell, files, stdin, "jq", Inputs.Style.PLAIN, err);
        if (err.length() > 0) {
            return CommandResult.failure(err.toString().replace("jq: ", "jq: error: Could not open ")
                    .replace(": No such", ": No such"), 2);
        }
        StringBuilder out = new StringBuilder();
        JsonNode[] last = {null};
        boolean fRaw = raw;
        boolean fCompact = compact;
        boolean fJoin = join;
        boolean fSort = sortKeys;
        List<JsonNode> inputs = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String name = files.isEmpty() ? "<stdin>" : files.get(files.size() - 1);
        if (!nullInput || slurp) {
            for (Inputs.Source s : sources) {
                String problem = parseAll(s.text(), inputs, lines);
                if (problem != null) {
                    return new CommandResult(out.toString(), problem, INPUT_ERROR);
                }
            }
        }
        if (slurp) {
            ArrayNode all = JqValues.JSON.arrayNode();
            inputs.forEach(all::add);
            inputs = List.of(nullInput ? JqValues.JSON.nullNode() : all);
            lines = List.of(lines.isEmpty() ? 0 : lines.get(lines.size() - 1));
        } else if (nullInput) {
            inputs = List.of(JqValues.JSON.nullNode());
            lines = List.of(0);
        }
        int code = 0;
        for (int i = 0; i < inputs.size(); i++) {
            try {
                filter.run(inputs.get(i), env, v -> {
                    last[0] = v;
                    if (fRaw && v.isTextual()) {
                        out.append(v.asText());
                    } else {
                        JqValues.write(v, !fCompact, 0, fSort, out);
                    }
                    if (!fJoin) {
                        out.append('\n');
                    }
                    if (out.length() > Limits.MAX_OUTPUT_CHARS) {
                        throw new JqValues.JqError("output larger than " + Limits.MAX_OUTPUT_CHARS + " characters");
                    }
                });
            } catch (JqValues.JqError e) {
                err.append("jq: error (at ").append(nullInput ? "<unknown>" : name + ":" + lines.get(i)).append("): ")
                        .append(e.getMessage()).append('\n');
                code = 5;
            } catch (StackOverflowError e) {
                err.append("jq: error: program recursed too deeply\n");
                code = 5;
            }
        }
        if (code == 0 && exitStatus) {
            code = last[0] == null ? 4 : JqValues.truthy(last[0]) ? 0 : 1;
        }
        return new CommandResult(out.toString(), err.toString(), code);
    }

    /** Reads every JSON value of a text, with the line each one ends on; jq's complaint if one is malformed. */
    private static String parseAll(String text, List<JsonNode> into, List<Integer> lines) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            while (p.nextToken() != null) {
                into.add(MAPPER.readTree(p));
                JsonLocation end = p.getCurrentLocation();
                lines.add(end.getLineNr());
                if (into.size() > 100_000) {
                    return "jq: error: too many input values\n";
                }
            }
            return null;
        } catch (IOException e) {
            boolean eof = e.getMessage() != null && e.getMessage().contains("end-of-input");
            long offset = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getCharOffset() : text.length();
            return eof ? "parse error: Unfinished JSON term at EOF at " + position(text, text.length()) + "\n"
                    : literalError(text, (int) Math.max(0, Math.min(offset, text.length())));
        }
    }

    private static final String DELIMITERS = " \t\r\n,:[]{}\"";

    /** jq reads a bare word up to a delimiter, which it consumes, then complains at that position. */
    private static String literalError(String text, int offset) {
        int start = Math.min(offset, text.length() - 1);
        while (start > 0 && DELIMITERS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = start;
        while (end < text.length() && DELIMITERS.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end >= text.length()) {
            return "parse error: Unfinished JSON term at EOF at " + position(text, text.length()) + "\n";
        }
        String what = start < text.length() && "tfn".indexOf(text.charAt(start)) >= 0 ? "Invalid literal"
                : "Invalid numeric literal";
        return "parse error: " + what + " at " + position(text, end + 1) + "\n";
    }

    private static String position(String text, int pos) {
        int line = 1;
        int lastNewline = -1;
        for (int i = 0; i < pos; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lastNewline = i;
            }
        }
        return "line " + line + ", column " + (pos - lastNewline - 1);
    }
}
