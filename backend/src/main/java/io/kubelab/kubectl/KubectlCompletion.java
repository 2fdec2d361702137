package io.kubelab.kubectl;

import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagError;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * kubectl's shell completion, as cobra's hidden {@code kubectl __complete} computes it for the bash script
 * {@code kubectl completion bash} prints: the (sub)commands the words name, then flag names after
 * {@code -}, a flag's values ({@code -n} namespaces, {@code -o} formats, {@code -c} containers,
 * {@code -f} manifest files), or the command's arguments ({@link ValidArgs}: resource types, names read
 * from the cluster, {@code TYPE/NAME}).
 */
public final class KubectlCompletion {

    /** Cobra's directives: what the shell does with the candidates besides offering them. */
    public static final int DEFAULT = 0;
    public static final int NO_SPACE = 2;
    public static final int NO_FILE_COMP = 4;
    /** The candidates are file extensions: the shell completes files with them (and directories). */
    public static final int FILTER_FILE_EXT = 8;

    /** Candidates in cobra's order, each with its description ("" for none), and the directive. */
    public record Result(List<String> words, List<String> descriptions, int directive) {

        static Result of(List<String> words, int directive) {
            return new Result(words, words.stream().map(w -> "").toList(), directive);
        }

        static final Result NONE = of(List.of(), NO_FILE_COMP);
    }

    private static final List<Command> ROOT = Commands.all(Commands.groups());
    private static final FlagSet GLOBALS = GlobalFlags.all();
    /** Commands whose {@code -o} is their own flag, not kubectl's print flags: kubectl completes no formats. */
    private static final List<String> NO_OUTPUT_COMPLETION = List.of("api-resources", "version");
    private static final List<String> MANIFEST_EXTENSIONS = List.of("json", "yaml", "yml");

    private KubectlCompletion() {
    }

    /**
     * What {@code kubectl args... toComplete<Tab>} offers. {@code ctx} reaches the cluster for names; its
     * workstation gives the kubeconfig (context and namespace) and files.
     */
    public static Result complete(KubectlContext ctx, List<String> args, String toComplete) {
        return complete(ROOT, ctx, args, toComplete);
    }

    /** {@link #complete} over the given top-level commands (tests bring their own). */
    static Result complete(List<Command> root, KubectlContext ctx, List<String> args, String toComplete) {
        List<String> rest = new ArrayList<>(args);
        List<Command> candidates = root;
        Command command = null;
        FlagSet scope = GLOBALS;
        while (true) {
            int at = firstCommandWord(rest, scope);
            Command next = at < 0 ? null : find(candidates, rest.get(at));
            if (next == null) {
                break;
            }
            rest.remove(at);
            command = next;
            candidates = next.subcommands();
            scope = new FlagSet().addAll(GLOBALS).addAll(next.flags());
        }
        String path = command == null ? "" : commandPath(root, args, command);
        ParsedFlags parsed;
        try {
            parsed = scope.parse(rest);
        } catch (FlagError e) {
            return pendingFlagValue(ctx, scope, rest, toComplete, path).orElse(Result.NONE);
        }
        var value = pendingFlagValue(ctx, scope, rest, toComplete, path);
        if (value.isPresent()) {
            return value.get();
        }
        boolean afterDash = parsed.argsLenAtDash() >= 0;
        if (toComplete.startsWith("-") && !afterDash) {
            return flagNames(command, scope, parsed, toComplete);
        }
        if (command != null && command.subcommands().isEmpty()) {
            return ValidArgs.complete(path, new Target(ctx, parsed), parsed.args(), toComplete);
        }
        if (command == null && !parsed.args().isEmpty()) {
            // A verb this build does not have yet: its arguments still complete as kubectl's would.
            List<String> words = parsed.args();
            int known = words.size() > 1 && ValidArgs.knows(words.get(0) + " " + words.get(1)) ? 2
                    : ValidArgs.knows(words.get(0)) ? 1 : 0;
            return known == 0 ? Result.NONE : ValidArgs.complete(String.join(" ", words.subList(0, known)),
                    new Target(ctx, parsed), words.subList(known, words.size()), toComplete);
        }
        if (!parsed.args().isEmpty()) {
            return Result.NONE;
        }
        List<Command> subs = new ArrayList<>(command == null ? root : command.subcommands());
        subs.sort(Comparator.comparing(Command::name));
        List<String> words = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Command c : subs) {
            if (c.name().startsWith(toComplete)) {
                words.add(c.name());
                descriptions.add(c.summary());
            }
        }
        return new Result(words, descriptions, NO_FILE_COMP);
    }

    /** The names of the words' commands, {@code rollout status}, which {@link ValidArgs} knows them by. */
    private static String commandPath(List<Command> root, List<String> args, Command last) {
        List<String> names = new ArrayList<>();
        List<Command> level = root;
        for (String word : args) {
            Command c = find(level, word);
            if (c != null) {
                names.add(c.name());
                if (c == last) {
                    break;
                }
                level = c.subcommands();
            }
        }
        return String.join(" ", names);
    }

    /** A flag whose value is being typed: {@code -n <Tab>}, {@code --output=j<Tab>}. */
    private static Optional<Result> pendingFlagValue(KubectlContext ctx, FlagSet scope, List<String> rest,
                                                             String toComplete, String path) {
        Flag flag = null;
        String value = toComplete;
        if (toComplete.startsWith("--") && toComplete.contains("=")) {
            flag = scope.find(toComplete.substring(2, toComplete.indexOf('=')));
            value = toComplete.substring(toComplete.indexOf('=') + 1);
        } else if (toComplete.startsWith("-") && toComplete.length() > 2 && toComplete.charAt(2) == '='
                && !toComplete.startsWith("--")) {
            flag = byShorthand(scope, toComplete.substring(1, 2));
            value = toComplete.substring(3);
        } else if (!rest.isEmpty() && !toComplete.startsWith("-")) {
            String last = rest.get(rest.size() - 1);
            if (last.startsWith("--") && !last.contains("=")) {
                flag = scope.find(last.substring(2));
            } else if (last.startsWith("-") && last.length() == 2) {
                flag = byShorthand(scope, last.substring(1));
            }
        }
        if (flag == null || flag.isBool()) {
            return Optional.empty();
        }
        List<String> args;
        try {
            args = scope.parse(rest.subList(0, Math.max(0, rest.size() - (toComplete.contains("=") ? 0 : 1)))).args();
        } catch (FlagError e) {
            args = List.of();
        }
        return Optional.of(flagValues(ctx, flag, path, scope, rest, args, value));
    }

    private static Result flagValues(KubectlContext ctx, Flag flag, String path, FlagSet scope, List<String> rest,
                                     List<String> args, String value) {
        switch (flag.name()) {
            case GlobalFlags.NAMESPACE:
                return ValidArgs.names(new Target(ctx, parseQuietly(scope, rest)), "namespaces", value);
            case GlobalFlags.CONTEXT:
                return Result.of(prefixed(Target.kubeconfigNames(ctx, "contexts"), value), NO_FILE_COMP);
            case "cluster":
                return Result.of(prefixed(Target.kubeconfigNames(ctx, "clusters"), value), NO_FILE_COMP);
            case "user":
                return Result.of(prefixed(Target.kubeconfigNames(ctx, "users"), value), NO_FILE_COMP);
            case "output":
                if (NO_OUTPUT_COMPLETION.contains(path)) {
                    return Result.of(List.of(), DEFAULT);
                }
                List<String> formats = ValidArgs.outputFormats(flag);
                return formats.isEmpty() ? Result.of(List.of(), DEFAULT) : Result.of(prefixed(formats, value), NO_FILE_COMP);
            case "filename":
                return Result.of(MANIFEST_EXTENSIONS, FILTER_FILE_EXT);
            case "container":
                if (path.equals("logs")) {
                    // kubectl 1.32 registers no completion for logs -c: the shell completes files.
                    return Result.of(List.of(), DEFAULT);
                }
                return args.isEmpty() ? Result.NONE
                        : ValidArgs.containers(new Target(ctx, parseQuietly(scope, rest)), args.get(0), value);
            default:
                return Result.of(List.of(), DEFAULT);
        }
    }

    /** Cobra's flag-name completion: inherited (global) flags, then the command's own, each sorted by name. */
    private static Result flagNames(Command command, FlagSet scope, ParsedFlags parsed, String toComplete) {
        List<String> words = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<Flag> local = new ArrayList<>(command == null ? List.of() : command.flags().flags());
        String name = command == null ? "kubectl" : command.name();
        local.add(new Flag(FlagSet.HELP.name(), FlagSet.HELP.shorthand(), Flag.Type.BOOL, "false", "help for " + name));
        List<Flag> inherited = new ArrayList<>(command == null ? List.of() : GLOBALS.flags());
        if (command == null) {
            local.addAll(GLOBALS.flags());
        }
        for (List<Flag> flags : List.of(inherited, local)) {
            flags.sort(Comparator.comparing(Flag::name));
            for (Flag f : flags) {
                boolean repeatable = f.type() == Flag.Type.STRING_ARRAY || f.type() == Flag.Type.STRING_SLICE;
                if (parsed.changed(f.name()) && !repeatable) {
                    continue;
                }
                if (("--" + f.name()).startsWith(toComplete)) {
                    words.add("--" + f.name());
                    descriptions.add(f.usage());
                }
                if (!f.shorthand().isEmpty() && ("-" + f.shorthand()).startsWith(toComplete)) {
                    words.add("-" + f.shorthand());
                    descriptions.add(f.usage());
                }
            }
        }
        return new Result(words, descriptions, NO_FILE_COMP);
    }

    static List<String> prefixed(List<String> words, String prefix) {
        return words.stream().filter(w -> w.startsWith(prefix)).toList();
    }

    private static ParsedFlags parseQuietly(FlagSet scope, List<String> rest) {
        try {
            return scope.parse(rest);
        } catch (FlagError e) {
            try {
                return scope.parse(rest.subList(0, Math.max(0, rest.size() - 1)));
            } catch (FlagError again) {
                try {
                    return scope.parse(List.of());
                } catch (FlagError never) {
                    throw new IllegalStateException(never);
                }
            }
        }
    }

    private static Flag byShorthand(FlagSet scope, String shorthand) {
        for (Flag f : scope.flags()) {
            if (f.shorthand().equals(shorthand)) {
                return f;
            }
        }
        return null;
    }

    /** Cobra's {@code stripFlags}: the index of the first word that is neither a flag nor a flag's value. */
    private static int firstCommandWord(List<String> args, FlagSet flags) {
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("--")) {
                return -1;
            }
            boolean longWithValue = s.startsWith("--") && !s.contains("=") && !flags.isBoolean(s.substring(2));
            boolean shortWithValue = !s.startsWith("--") && s.startsWith("-") && !s.contains("=") && s.length() == 2
                    && !flags.isBoolean(s.substring(1));
            if (longWithValue || shortWithValue) {
                i++;
            } else if (!s.isEmpty() && !s.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    private static Command find(List<Command> commands, String word) {
        for (Command c : commands) {
            if (c.name().equals(word) || c.aliases().contains(word)) {
                return c;
            }
        }
        return null;
    }
}
