package io.kubelab.corpus;

import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Takes the corpus' expected text from the real kubectl 1.32 (run by hand, never in the suite):
 * {@code -Dkubelab.corpus.oracle=/path/to/kubectl.1.32}. Each scenario runs in our shell as in {@link CorpusTest};
 * before each line the real kubectl can answer against the stub API server ({@link KubectlLine#servable}), the
 * whole cluster is dumped into the stub and the line runs in bash with {@code kubectl} pointing at it (aliases,
 * exports and the files written by earlier lines included). Its output becomes the case's expected text
 * ({@code @kubectl}); where ours differs the case gets {@code @known-difference} (a reason to write by hand).
 */
@EnabledIfSystemProperty(named = "kubelab.corpus.oracle", matches = ".+")
class CorpusOracle {

    private static final Path WORK = Path.of("/tmp/corpus-oracle");
    private static final int PORT = 18900;
    private static final String STUB = "src/test/resources/golden/kubectl/describe/selector-stub.py";
    /** What the stub answers where a real API server would answer otherwise: the line cannot be verified. */
    private static final List<String> STUB_SIGNS = List.of("Unsupported method", "the server could not find the requested resource");
    /** Our sandbox's context, cluster and user names, with the stub as the server. */
    private static final String KUBECONFIG = """
            apiVersion: v1
            clusters:
            - cluster:
                server: http://127.0.0.1:PORT
              name: kubernetes
            contexts:
            - context:
                cluster: kubernetes
                user: kubernetes-admin
              name: kubernetes-admin@kubernetes
            current-context: kubernetes-admin@kubernetes
            kind: Config
            preferences: {}
            users:
            - name: kubernetes-admin
              user:
                token: corpus
            """;
    static final String TODO = "TODO differs from kubectl 1.32";

    @Test
    void takeExpectedTextFromKubectl() throws Exception {
        String kubectl = System.getProperty("kubelab.corpus.oracle");
        String only = System.getProperty("kubelab.corpus.only", "");
        Path objects = WORK.resolve("objs");
        Files.createDirectories(objects);
        Path bin = WORK.resolve("bin");
        Files.createDirectories(bin);
        Path wrapper = bin.resolve("kubectl");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + kubectl + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process stub = new ProcessBuilder("python3", STUB, objects.toString(), String.valueOf(PORT)).inheritIO().start();
        int verified = 0;
        int differ = 0;
        try {
            Thread.sleep(800);
            for (Path file : CorpusSandbox.files()) {
                if (!only.isEmpty() && !file.getFileName().toString().startsWith(only)) {
                    continue;
                }
                CorpusFile corpus = CorpusFile.parse(Files.readString(file));
                SimCluster cluster = CorpusSandbox.cluster();
                Shell shell = CorpusSandbox.shell(cluster);
                Path home = WORK.resolve("home");
                ClusterDump.deleteTree(home);
                Files.createDirectories(home.resolve(".kube"));
                Files.writeString(home.resolve(".kube/config"), KUBECONFIG.replace("PORT", String.valueOf(PORT)));
                List<String> prelude = new ArrayList<>(List.of("shopt -s expand_aliases"));
                List<CorpusFile.Case> out = new ArrayList<>();
                for (CorpusFile.Case c : corpus.cases()) {
                    String line = c.command();
                    boolean servable = c.oracle() != null ? c.oracle() : KubectlLine.servable(line);
                    CorpusFile.Expected real = null;
                    if (servable) {
                        CorpusFile.Expected got;
                        if (KubectlLine.readsClock(line)) {
                            got = atSimulatedTime(cluster, objects, prelude, line, home, bin);
                        } else {
                            ClusterDump.write(cluster, objects);
                            got = bash(prelude, line, home, bin);
                        }
                        String text = got.stdout() + got.stderr();
                        real = STUB_SIGNS.stream().anyMatch(text::contains) ? null : got;
                    }
                    if (KubectlLine.isStateLine(line)) {
                        prelude.add(line);
                    } else if (!servable && !KubectlLine.isSimLine(line) && KubectlLine.invocations(line).isEmpty()) {
                        bash(prelude, line, home, bin);
                    }
                    CommandResult r = shell.execute(line);
                    CorpusFile.Expected ours = new CorpusFile.Expected(r.stdout(), r.stderr(), r.exitCode());
                    if (real == null) {
                        // Not verifiable now (a write, a Table, the stub's limits): the text is ours again.
                        out.add(c.fromKubectl() ? c.withExpected(c.expected(), false, null) : c);
                        continue;
                    }
                    verified++;
                    String difference = real.equals(ours) ? null
                            : c.knownDifference() != null ? c.knownDifference() : TODO;
                    if (difference != null) {
                        differ++;
                        System.out.println("DIFF " + file.getFileName() + ":" + c.line() + " $ " + line);
                    }
                    out.add(c.withExpected(real, true, difference));
                }
                Files.writeString(file, new CorpusFile(out).format());
            }
        } finally {
            stub.destroy();
        }
        System.out.println("verified " + verified + " lines against kubectl, " + differ + " differ");
    }

    /**
     * Runs the line with the dump's timestamps moved so that the simulated now falls in the wall-clock second
     * kubectl runs in (ages are whole seconds), then moves the dates kubectl printed back.
     */
    private static CorpusFile.Expected atSimulatedTime(SimCluster cluster, Path objects, List<String> prelude, String line,
                                                       Path home, Path bin) throws Exception {
        Instant simSecond = cluster.clock().now().truncatedTo(ChronoUnit.SECONDS);
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant target = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
            Duration shift = Duration.between(simSecond, target);
            ClusterDump.write(cluster, objects, shift);
            long wait = Duration.between(Instant.now(), target).toMillis() + 20;
            if (wait <= 0) {
                continue;
            }
            Thread.sleep(wait);
            CorpusFile.Expected got = bash(prelude, line, home, bin);
            if (Instant.now().truncatedTo(ChronoUnit.SECONDS).equals(target)) {
                return new CorpusFile.Expected(TimeShift.back(got.stdout(), shift), TimeShift.back(got.stderr(), shift), got.exit());
            }
        }
        throw new IllegalStateException("kubectl never ran within one second: " + line);
    }

    private static CorpusFile.Expected bash(List<String> prelude, String line, Path home, Path bin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", String.join("\n", prelude) + "\n" + line);
        pb.directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TZ", "UTC");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("KUBECONFIG");
        Path errFile = Files.createTempFile("corpus", ".err");
        pb.redirectError(errFile.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + line);
        }
        String stderr = Files.readString(errFile);
        Files.delete(errFile);
        return new CorpusFile.Expected(stdout, stderr, p.exitValue());
    }
}
