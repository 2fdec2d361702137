package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every generator of {@code kubectl create}, checked against the real kubectl 1.32: {@code cases.tsv} names
 * each command; {@code NAME.yaml} is what kubectl printed for it with {@code --dry-run=client -o yaml} (or
 * {@code NAME.err} its error), {@code NAME.last-applied} the configuration {@code --save-config} stores
 * (which keeps the Go struct's field order); {@code errors.txt} the outcome of each line of
 * {@code errors.cases}, run with {@code --dry-run=client -o name}. The files the commands read are under
 * {@code files/}. {@code -Dgolden.update=true} rewrites the expected files with our output.
 */
class GeneratorGoldenTest {

    static final Path DIR = Path.of("src/test/resources/golden/kubectl/create");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Shell shell;

    @BeforeAll
    static void cluster() throws IOException {
        shell = new Shell(SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 7));
        copyFiles(shell, DIR.resolve("files"), "");
    }

    /** Writes the fixture files into the shell's working directory with heredocs, as a student would. */
    static void copyFiles(Shell shell, Path from, String prefix) throws IOException {
        try (var entries = Files.list(from)) {
            for (Path p : entries.sorted().toList()) {
                String name = prefix + p.getFileName();
                if (Files.isDirectory(p)) {
                    shell.execute("mkdir -p " + name);
                    copyFiles(shell, p, name + "/");
                } else {
                    String content = Files.readString(p);
                    CommandResult r = shell.execute("cat > " + name + " <<'EOF'\n" + content + "EOF");
                    assertEquals(0, r.exitCode(), r.stderr());
                }
            }
        }
    }

    record Case(String name, String command) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.tsv"))) {
            String[] parts = line.split("\t");
            out.add(new Case(parts[0], parts[1]));
        }
        return out;
    }

    /** The command with {@code flags} placed before any {@code --}, as the oracle was run. */
    static String with(String command, String flags) {
        int dash = command.indexOf(" -- ");
        return dash < 0 ? command + " " + flags : command.substring(0, dash) + " " + flags + command.substring(dash);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dryRunYamlAsKubectlPrintsIt(Case c) throws IOException {
        CommandResult r = shell.execute("kubectl " + with(c.command(), "--dry-run=client -o yaml"));
        Path yaml = DIR.resolve(c.name() + ".yaml");
        Path err = DIR.resolve(c.name() + ".err");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(r.exitCode() == 0 ? yaml : err, r.exitCode() == 0 ? r.stdout() : r.stderr());
        }
        if (Files.exists(err) && Files.size(err) > 0) {
            assertEquals(Files.readString(err), r.stderr());
            assertEquals(1, r.exitCode());
        } else {
            assertEquals(Files.readString(yaml), r.stdout());
            assertEquals("", r.stderr());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void savedConfigurationKeepsTheStructOrder(Case c) throws IOException {
        CommandResult r = shell.execute("kubectl " + with(c.command(), "--dry-run=client -o json --save-config"));
        String actual = "";
        if (r.exitCode() == 0) {
            JsonNode annotation = JSON.readTree(r.stdout()).path("metadata").path("annotations")
                    .path("kubectl.kubernetes.io/last-applied-configuration");
            actual = annotation.asText("");
        }
        Path file = DIR.resolve(c.name() + ".last-applied");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual);
    }

    @Test
    void validationMessagesAsKubectlPrintsThem() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String command : Files.readAllLines(DIR.resolve("errors.cases"))) {
            CommandResult r = shell.execute("kubectl " + command + " --dry-run=client -o name");
            String stdout = r.stdout().endsWith("\n") ? r.stdout().substring(0, r.stdout().length() - 1) : r.stdout();
            out.append("$ ").append(command).append('\n').append("rc=").append(r.exitCode()).append(' ')
                    .append(stdout).append('\n').append(r.stderr());
        }
        Path file = DIR.resolve("errors.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, out.toString());
        }
        assertEquals(Files.readString(file), out.toString());
    }
}
