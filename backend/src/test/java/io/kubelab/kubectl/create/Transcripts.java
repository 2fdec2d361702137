package io.kubelab.kubectl.create;

import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden transcripts: for each command line of a cases file, {@code $ LINE}, {@code rc=N}, then what it
 * printed on stdout and stderr, compared with the same transcript of the real kubectl 1.32.
 * {@code -Dgolden.update=true} rewrites the expected transcript with ours.
 */
public final class Transcripts {

    private Transcripts() {
    }

    /** Runs every line of {@code cases} as {@code kubectl <how(line)>} and compares with {@code expected}. */
    public static void check(Shell shell, Path cases, Path expected, UnaryOperator<String> how) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(cases)) {
            if (line.isBlank()) {
                continue;
            }
            CommandResult r = shell.execute("kubectl " + how.apply(line));
            out.append("$ ").append(line).append('\n').append("rc=").append(r.exitCode()).append('\n')
                    .append(r.stdout()).append(r.stderr());
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, out.toString());
        }
        assertEquals(Files.readString(expected), out.toString());
    }

    /** {@code flags} placed before any {@code --}, where kubectl still reads them as flags. */
    public static String beforeDashes(String command, String flags) {
        int dash = command.indexOf(" -- ");
        return dash < 0 ? command + " " + flags : command.substring(0, dash) + " " + flags + command.substring(dash);
    }
}
