package io.kubelab.corpus;

import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The students' corpus: every scenario file under {@code src/test/resources/corpus/} run top to bottom in one fresh
 * sandbox, one dynamic test per command line comparing stdout, stderr and exit code exactly.
 * {@code -Dkubelab.golden.update=true} rewrites the expected blocks from our output, except those taken from the
 * real kubectl ({@code @kubectl}), which stay as kubectl printed them. A {@code @known-difference} case is skipped
 * with its reason, and fails once ours matches, so the marker is removed with the fix.
 */
class CorpusTest {

    private static final boolean UPDATE = Boolean.getBoolean("kubelab.golden.update");
    static final int MIN_LINES = 300;
    /** Each known difference with kubectl's text and ours, for whoever fixes them. */
    private static final Path DIFFERENCES = Path.of("target/corpus-known-differences.txt");

    @TestFactory
    List<DynamicNode> corpus() throws IOException {
        StringBuilder differences = new StringBuilder();
        List<DynamicNode> files = new ArrayList<>();
        int total = 0;
        for (Path file : CorpusSandbox.files()) {
            CorpusFile corpus = CorpusFile.parse(Files.readString(file));
            total += corpus.cases().size();
            List<CorpusFile.Expected> actual = run(corpus);
            if (UPDATE) {
                Files.writeString(file, updated(corpus, actual).format());
            }
            List<DynamicNode> tests = new ArrayList<>();
            for (int k = 0; k < corpus.cases().size(); k++) {
                CorpusFile.Case c = corpus.cases().get(k);
                CorpusFile.Expected ours = actual.get(k);
                if (c.knownDifference() != null) {
                    differences.append("== ").append(file.getFileName()).append(':').append(c.line()).append(' ')
                            .append(c.knownDifference()).append("\n$ ").append(c.command()).append("\n-- kubectl 1.32:\n")
                            .append(new CorpusFile(List.of(c.withExpected(c.expected(), false, null))).format())
                            .append("-- ours:\n")
                            .append(new CorpusFile(List.of(c.withExpected(ours, false, null))).format());
                }
                String name = file.getFileName() + ":" + c.line() + " $ " + c.command().lines().findFirst().orElse("");
                tests.add(DynamicTest.dynamicTest(name, () -> check(c, ours)));
            }
            files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        Files.writeString(DIFFERENCES, differences.toString());
        int count = total;
        files.add(DynamicTest.dynamicTest("at least " + MIN_LINES + " command lines",
                () -> assertTrue(count >= MIN_LINES, count + " command lines")));
        return files;
    }

    static List<CorpusFile.Expected> run(CorpusFile corpus) {
        Shell shell = CorpusSandbox.shell(CorpusSandbox.cluster());
        List<CorpusFile.Expected> out = new ArrayList<>();
        for (CorpusFile.Case c : corpus.cases()) {
            CommandResult r = shell.execute(c.command());
            out.add(new CorpusFile.Expected(r.stdout(), r.stderr(), r.exitCode()));
        }
        return out;
    }

    private static void check(CorpusFile.Case c, CorpusFile.Expected ours) {
        if (c.knownDifference() != null) {
            assertNotEquals(c.expected(), ours, "the known difference is gone: remove @known-difference");
            Assumptions.abort("known difference: " + c.knownDifference());
        }
        assertEquals(c.expected().stdout(), ours.stdout(), "stdout");
        assertEquals(c.expected().stderr(), ours.stderr(), "stderr");
        assertEquals(c.expected().exit(), ours.exit(), "exit code");
    }

    private static CorpusFile updated(CorpusFile corpus, List<CorpusFile.Expected> actual) {
        List<CorpusFile.Case> cases = new ArrayList<>();
        for (int k = 0; k < corpus.cases().size(); k++) {
            CorpusFile.Case c = corpus.cases().get(k);
            cases.add(c.fromKubectl() || c.knownDifference() != null ? c : c.withExpected(actual.get(k), false, null));
        }
        return new CorpusFile(cases);
    }
}
