package io.kubelab.kubectl;

import io.kubelab.kubectl.cli.Flag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code kubectl X --help} in kubectl's layout (its own cobra templates): the description, Examples,
 * Available Commands, Options (each flag as {@code --name=default:} with its usage on the next line),
 * Usage, and the pointer to {@code kubectl options}.
 */
public final class Help {

    private Help() {
    }

    public static String text(String commandPath, Command command) {
        StringBuilder out = new StringBuilder();
        out.append(command.description().strip()).append("\n\n");
        if (!command.aliases().isEmpty()) {
            out.append("Aliases:\n").append(command.name());
            command.aliases().forEach(a -> out.append(", ").append(a));
            out.append("\n\n");
        }
        if (!command.examples().isBlank()) {
            out.append("Examples:\n").append(stripTrailingNewlines(command.examples())).append("\n\n");
        }
        if (!command.subcommands().isEmpty()) {
            out.append("Available Commands:\n");
            int width = command.subcommands().stream().mapToInt(c -> c.name().length()).max().orElse(0);
            for (Command sub : command.subcommands()) {
                out.append("  ").append(pad(sub.name(), Math.max(width, 11))).append("   ")
                        .append(sub.summary()).append('\n');
            }
            out.append('\n');
        }
        List<Flag> flags = new ArrayList<>(command.flags().flags());
        if (!flags.isEmpty()) {
            flags.sort(Comparator.comparing(Flag::name));
            out.append("Options:\n");
            for (Flag flag : flags) {
                out.append("    ").append(flag.shorthand().isEmpty() ? "" : "-" + flag.shorthand() + ", ")
                        .append("--").append(flag.name()).append('=').append(shownDefault(flag)).append(":\n")
                        .append("\t").append(flag.usage().replace("\n", "\n\t")).append("\n\n");
            }
        }
        out.append("Usage:\n  ").append(command.usage()).append("\n\n");
        if (!command.subcommands().isEmpty()) {
            out.append("Use \"").append(commandPath).append(" <command> --help\" for more information about a given command.\n");
        }
        out.append("Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n");
        return out.toString();
    }

    private static String shownDefault(Flag flag) {
        return switch (flag.type()) {
            case STRING -> "'" + flag.defaultValue() + "'";
            default -> flag.defaultValue();
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
