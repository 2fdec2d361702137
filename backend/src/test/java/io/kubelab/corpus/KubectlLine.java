package io.kubelab.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the corpus oracle needs to know about a command line: the kubectl invocations in it (also as {@code k}),
 * and whether the real kubectl can print the same thing against the stub API server, which serves objects
 * and discovery but no writes, Tables, logs, exec or access reviews.
 */
final class KubectlLine {

    /** A kubectl (or k) at the start of a pipeline stage, a list element or a command substitution. */
    private static final Pattern INVOCATION = Pattern.compile("(?:^|[|;&(]|\\$\\()\\s*(?:kubectl|k)\\s+([^|;&)]*)");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(?:export\\s+|alias\\s+|unalias\\s+)|^[A-Za-z_][A-Za-z0-9_]*=");
    private static final Set<String> VALUE_FLAGS = Set.of("-n", "--namespace", "--context", "--kubeconfig", "--as");
    /** Verbs whose output the stub cannot reproduce (no Tables, logs, exec, reviews; our kubeconfig; our help). */
    private static final Set<String> NOT_SERVABLE = Set.of("top", "logs", "exec", "port-forward",
            "attach", "cp", "explain", "cluster-info", "wait", "rollout", "version", "help", "edit",
            "proxy", "debug", "certificate", "completion", "kustomize", "plugin", "options", "drain", "cordon",
            "uncordon");
    private static final Set<String> CLOCK_VERBS = Set.of("describe", "events");
    private static final Set<String> TABLE_OUTPUT = Set.of("", "wide");

    static final String KUBECTL_TEXT = "kubectl";

    private KubectlLine() {
    }

    /** The argument text of each kubectl invocation in the line. */
    static List<String> invocations(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = INVOCATION.matcher(line);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    /** An alias, export or variable assignment: part of the state every later line runs with. */
    static boolean isStateLine(String line) {
        return ASSIGNMENT.matcher(line).find();
    }

    static boolean isSimLine(String line) {
        return line.startsWith("sim ");
    }

    /** Whether the real kubectl against the stub prints what a real cluster would for every invocation. */
    static boolean servable(String line) {
        List<String> calls = invocations(line);
        if (calls.isEmpty() || line.contains("--help") || line.contains(" -h ")) {
            return false;
        }
        for (String call : calls) {
            List<String> words = List.of(call.split("\\s+"));
            String verb = verb(words);
            if (NOT_SERVABLE.contains(verb) || verb.equals("config") && words.contains("view")) {
                return false;
            }
            if (verb.equals("get") && (TABLE_OUTPUT.contains(output(words)) || words.contains("-w")
                    || words.contains("--watch") || words.contains("--watch-only"))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the output holds ages, so the real kubectl must run with the dump's clock moved to the wall clock. */
    static boolean readsClock(String line) {
        for (String call : invocations(line)) {
            String verb = verb(List.of(call.split("\\s+")));
            if (CLOCK_VERBS.contains(verb)) {
                return true;
            }
        }
        return false;
    }

    static String verb(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (VALUE_FLAGS.contains(w)) {
                i++;
            } else if (!w.startsWith("-")) {
                return w;
            }
        }
        return "";
    }

    private static String output(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("-o") || w.equals("--output")) && i + 1 < words.size()) {
                return words.get(i + 1).split("=", 2)[0];
            }
            if (w.startsWith("-o") && !w.startsWith("--")) {
                return w.substring(2).replaceFirst("^=", "").split("=", 2)[0];
            }
            if (w.startsWith("--output=")) {
                return w.substring("--output=".length()).split("=", 2)[0];
            }
        }
        return "";
    }
}
