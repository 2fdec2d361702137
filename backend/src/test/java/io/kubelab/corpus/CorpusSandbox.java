package io.kubelab.corpus;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.Shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The corpus' fresh sandbox per scenario file: a manual clock at a fixed instant and a fixed seed. */
final class CorpusSandbox {

    static final Path DIR = Path.of("src/test/resources/corpus");
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final long SEED = 5;

    private CorpusSandbox() {
    }

    static SimCluster cluster() {
        return SimCluster.create(ClusterSpec.standard(), SimClock.manual(T0), SEED);
    }

    static Shell shell(SimCluster cluster) {
        return new Shell(cluster);
    }

    /** The scenario files, in name order (numbered by theme). */
    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }
}
