package io.kubelab.kubectl;

import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.kubectl.cli.FlagError;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code kubectl} command: finds the (sub)command the words name the way cobra does, parses its
 * flags with the global ones, sets up the kubeconfig context (namespace, user, {@code --as}), runs it,
 * and turns every failure into kubectl's text and exit code.
 */
public final class Kubectl {

    /** The result of one invocation. */
    public record Result(String stdout, String stderr, int exitCode) {
    }

    private static final List<Commands.Group> GROUPS = Commands.groups();
    private static final List<Command> COMMANDS = Commands.all(GROUPS);
    private static final FlagSet GLOBALS = GlobalFlags.all();
    private static final String NO_SERVER =
            "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n";

    private Kubectl() {
    }

    public static Result run(KubectlContext ctx, List<String> args) {
        int code = 0;
        try {
            execute(ctx, args);
        } catch (KubectlException e) {
            ctx.err().append(e.stderr());
            code = e.exitCode();
        } catch (StatusException e) {
            ctx.err().append(ServerErrors.text(e.status()));
            code = 1;
        } catch (KubectlContext.NoServer e) {
            ctx.err().append(e.getMessage());
            code = 1;
        }
        return new Result(ctx.out().toString(), ctx.err().toString(), code);
    }

    private static void execute(KubectlContext ctx, List<String> args) throws KubectlException {
        if (!args.isEmpty() && args.get(0).equals("help")) {
            help(ctx, args.subList(1, args.size()));
            return;
        }
        List<Command> path = new ArrayList<>();
        List<String> rest = new ArrayList<>(args);
        List<Command> candidates = COMMANDS;
        FlagSet scope = GLOBALS;
        while (true) {
            String word = firstCommandWord(rest, scope);
            Command next = word == null ? null : find(candidates, word);
            if (next == null) {
                break;
            }
            rest.remove(word);
            path.add(next);
            candidates = next.subcommands();
            scope = new FlagSet().addAll(GLOBALS).addAll(next.flags());
        }
        String commandPath = "kubectl" + path.stream().map(c -> " " + c.name()).reduce("", String::concat);
        ctx.setCommandPath(commandPath);
        ParsedFlags flags;
        try {
            flags = scope.parse(rest);
        } catch (FlagError e) {
            throw KubectlException.usage(commandPath, e.getMessage());
        }
        if (flags.helpRequested()) {
            ctx.out().append(path.isEmpty() ? RootHelp.text(GROUPS) : Help.text(commandPath, last(path)));
            return;
        }
        if (path.isEmpty()) {
            if (!flags.args().isEmpty()) {
                throw unknownCommand(flags.args().get(0));
            }
            ctx.out().append(RootHelp.text(GROUPS));
            return;
        }
        Command command = last(path);
        if (command.needsCluster()) {
            configure(ctx, flags);
        } else {
            ctx.setKubeconfig(KubeconfigLoader.load(ctx.workstation(), flags.string(GlobalFlags.KUBECONFIG)));
        }
        command.run(ctx, flags);
    }

    /** {@code kubectl help [COMMAND...]}: that command's help, as {@code --help} prints it. */
    private static void help(KubectlContext ctx, List<String> words) {
        List<Command> candidates = COMMANDS;
        Command found = null;
        StringBuilder path = new StringBuilder("kubectl");
        for (String word : words) {
            Command next = find(candidates, word);
            if (next == null) {
                if (found == null) {
                    // cobra answers an unknown topic with the root usage on stderr, and exit code 0.
                    ctx.err().append("Unknown help topic [`").append(String.join(" ", words)).append("`]\n\n\n")
                            .append(RootHelp.usage(GROUPS));
                    return;
                }
                break;
            }
            found = next;
            path.append(' ').append(next.name());
            candidates = next.subcommands();
        }
        ctx.out().append(found == null ? RootHelp.text(GROUPS) : Help.text(path.toString(), found));
    }

    private static Command last(List<Command> path) {
        return path.get(path.size() - 1);
    }

    /** Cobra's {@code stripFlags}: the first word that is neither a flag nor a flag's value. */
    private static String firstCommandWord(List<String> args, FlagSet flags) {
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("--")) {
                return null;
            }
            boolean longWithValue = s.startsWith("--") && !s.contains("=") && !flags.isBoolean(s.substring(2));
            boolean shortWithValue = !s.startsWith("--") && s.startsWith("-") && !s.contains("=") && s.length() == 2
                    && !flags.isBoolean(s.substring(1));
            if (longWithValue || shortWithValue) {
                if (args.size() - (i + 1) <= 1) {
                    return null;
                }
                i++;
            } else if (!s.isEmpty() && !s.startsWith("-")) {
                return s;
            }
        }
        return null;
    }

    private static Command find(List<Command> commands, String word) {
        for (Command c : commands) {
            if (c.name().equals(word) || c.aliases().contains(word)) {
                return c;
            }
        }
        return null;
    }

    private static KubectlException unknownCommand(String word) {
        List<String> suggestions = new ArrayList<>();
        String lower = word.toLowerCase(Locale.ROOT);
        for (Command c : COMMANDS) {
            String name = c.name().toLowerCase(Locale.ROOT);
            if (Levenshtein.distance(lower, name) <= 2 || name.startsWith(lower)) {
                suggestions.add(c.name());
            }
        }
        StringBuilder text = new StringBuilder("error: unknown command \"" + word + "\" for \"kubectl\"");
        if (!suggestions.isEmpty()) {
            text.append("\n\nDid you mean this?\n");
            suggestions.forEach(s -> text.append('\t').append(s).append('\n'));
        }
        // kubectl really ends this message without a newline when it has nothing to suggest.
        return new KubectlException(text.toString(), 1);
    }

    /** The kubeconfig file, context, namespace and identity this invocation uses. */
    private static void configure(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        Kubeconfig config = KubeconfigLoader.load(ctx.workstation(), flags.string(GlobalFlags.KUBECONFIG));
        ctx.setKubeconfig(config);
        String contextName = flags.changed(GlobalFlags.CONTEXT) ? flags.string(GlobalFlags.CONTEXT)
                : config.currentContext();
        String namespace = "";
        if (!contextName.isEmpty()) {
            var context = config.context(contextName);
            if (context.isEmpty()) {
                throw new KubectlException("Error in configuration: context was not found for specified context: "
                        + contextName + "\n", 1);
            }
            namespace = context.get().path("namespace").asText("");
        } else if (flags.string("server").isEmpty()) {
            ctx.disconnect(NO_SERVER);
        }
        if (flags.changed(GlobalFlags.NAMESPACE)) {
            ctx.setNamespace(flags.string(GlobalFlags.NAMESPACE), true);
        } else {
            ctx.setNamespace(namespace.isEmpty() ? "default" : namespace, false);
        }
        if (flags.changed(GlobalFlags.AS) || flags.changed(GlobalFlags.AS_GROUP)) {
            try {
                UserInfo as = ctx.api().impersonate(ctx.user(), flags.string(GlobalFlags.AS),
                        flags.strings(GlobalFlags.AS_GROUP));
                ctx.setUser(as);
            } catch (StatusException e) {
                throw ServerErrors.of(e);
            }
        }
    }
}
