package io.kubelab.shell;

import io.kubelab.cluster.SimCluster;
import io.kubelab.kubectl.KubectlCompletion;
import io.kubelab.kubectl.KubectlContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Tab completion as bash with bash-completion and kubectl's completion script does it, computed where the
 * shell's state is: command names of the current machine, files and directories ({@code /} after a
 * directory, {@code ~}), {@code $VARIABLES}, and for {@code kubectl} whatever kubectl's own completion
 * offers ({@link KubectlCompletion}). The browser only inserts, or lists, what this returns.
 */
public final class Completion {

    /**
     * What Tab offers for the word that spans {@code from..to} of the line. {@code candidates} replace that
     * word, sorted and without repeats as readline shows them; {@code display} is what a listing prints for
     * each (a file's name without its directory); {@code descriptions} are kubectl's, "" where none.
     * {@code space}: whether a single candidate is followed by a space (not after a directory or
     * {@code TYPE/}).
     */
    public record Result(List<String> candidates, List<String> display, List<String> descriptions, int from, int to,
                         boolean space) {

        static Result none(int at) {
            return new Result(List.of(), List.of(), List.of(), at, at, false);
        }
    }

    /** Commands after which the next word is again a command ({@code watch kubectl get po}). */
    private static final List<String> PREFIX_COMMANDS = List.of("watch", "sudo", "time", "xargs");
    private static final Builtins COMMANDS = new Builtins();
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

    private Completion() {
    }

    public static Result complete(Shell shell, String line, int cursor) {
        int at = Math.max(0, Math.min(cursor, line.length()));
        CompletionLine parsed = CompletionLine.parse(line.substring(0, at));
        Sessions.Session session = shell.sessions().current();
        String word = parsed.word();
        Candidates found = new Candidates();
        if (word.startsWith("$")) {
            variables(session, word, found);
        } else if (parsed.afterRedirection()) {
            PathCompletion.complete(session, word, PathCompletion.Filter.ALL, List.of(), found);
        } else {
            List<String> words = commandWords(parsed.words());
            if (words.isEmpty()) {
                if (word.contains("/")) {
                    PathCompletion.complete(session, word, PathCompletion.Filter.ALL, List.of(), found);
                } else {
                    commands(shell, word, found);
                }
            } else if (words.get(0).equals("kubectl")) {
                kubectl(shell, session, words.subList(1, words.size()), word, found);
            } else if (words.get(0).equals("cd")) {
                PathCompletion.complete(session, word, PathCompletion.Filter.DIRECTORIES, List.of(), found);
            } else {
                PathCompletion.complete(session, word, PathCompletion.Filter.ALL, List.of(), found);
            }
        }
        return found.result(at - parsed.raw().length() + found.skip, at);
    }

    /** The words of the command being typed, after assignments and prefix commands such as {@code watch}. */
    private static List<String> commandWords(List<String> words) {
        int i = 0;
        while (i < words.size() && (ASSIGNMENT.matcher(words.get(i)).matches()
                || PREFIX_COMMANDS.contains(words.get(i)))) {
            i++;
            // watch -n 2 kubectl ...: skip watch's own options.
            while (i < words.size() && words.get(i - 1).equals("watch") && words.get(i).startsWith("-")) {
                i += words.get(i).equals("-n") ? 2 : 1;
            }
        }
        return i >= words.size() ? List.of() : words.subList(i, words.size());
    }

    private static void commands(Shell shell, String word, Candidates found) {
        boolean onNode = shell.sessions().host() != null;
        for (Map.Entry<String, Builtins.Entry> e : COMMANDS.all().entrySet()) {
            if (e.getKey().startsWith(word) && (onNode || !e.getValue().nodeOnly())) {
                found.add(e.getKey(), e.getKey(), "");
            }
        }
    }

    private static void variables(Sessions.Session session, String word, Candidates found) {
        boolean braced = word.startsWith("${");
        String prefix = word.substring(braced ? 2 : 1);
        for (String name : session.env.keySet()) {
            if (name.startsWith(prefix)) {
                String shown = braced ? "${" + name + "}" : "$" + name;
                found.add(shown, shown, "");
            }
        }
    }

    private static void kubectl(Shell shell, Sessions.Session session, List<String> args, String word,
                                Candidates found) {
        SimCluster cluster = shell.cluster().orElse(null);
        if (cluster == null) {
            PathCompletion.complete(session, word, PathCompletion.Filter.ALL, List.of(), found);
            return;
        }
        KubectlContext ctx = new KubectlContext(cluster.api(), cluster.clock(), new ReadOnlyWorkstation(session), null);
        KubectlCompletion.Result r = KubectlCompletion.complete(ctx, args, word);
        if ((r.directive() & KubectlCompletion.FILTER_FILE_EXT) != 0) {
            PathCompletion.complete(session, word, PathCompletion.Filter.ALL, r.words(), found);
            return;
        }
        // kubectl's script strips what precedes '=' in --flag=value: the value alone is replaced.
        int eq = word.startsWith("-") ? word.indexOf('=') + 1 : 0;
        found.skip = eq;
        for (int i = 0; i < r.words().size(); i++) {
            String w = r.words().get(i);
            if (w.startsWith(word.substring(eq))) {
                found.add(w, w, r.descriptions().get(i));
            }
        }
        found.noSpace = (r.directive() & KubectlCompletion.NO_SPACE) != 0;
        if (found.isEmpty() && (r.directive() & KubectlCompletion.NO_FILE_COMP) == 0) {
            // complete -o default: bash falls back to file names.
            found.skip = 0;
            PathCompletion.complete(session, word, PathCompletion.Filter.ALL, List.of(), found);
        }
    }

    /** The candidates being collected, sorted and unique as readline keeps its matches. */
    static final class Candidates {
        private final TreeMap<String, String[]> byWord = new TreeMap<>();
        boolean noSpace;
        /** Characters of the word left in place ({@code --output=}). */
        int skip;

        void add(String word, String display, String description) {
            byWord.putIfAbsent(word, new String[]{display, description});
        }

        boolean isEmpty() {
            return byWord.isEmpty();
        }

        Result result(int from, int to) {
            List<String> words = new ArrayList<>(byWord.keySet());
            List<String> display = new ArrayList<>();
            List<String> descriptions = new ArrayList<>();
            byWord.values().forEach(v -> {
                display.add(v[0]);
                descriptions.add(v[1]);
            });
            boolean space = !noSpace && !(words.size() == 1 && words.get(0).endsWith("/"));
            return new Result(words, display, descriptions, from, to, space);
        }
    }
}
