package io.kubelab.k8sapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Two alike sandboxes for the write verbs: the real kubectl writes to one, our terminal to the other, and a
 * {@link Differential} compares their answers and the objects they leave. The same setup lines run on both.
 */
final class TwinHarnesses implements AutoCloseable {

    final KubeApiHarness real = new KubeApiHarness();
    final KubeApiHarness ours = new KubeApiHarness();
    /** A folder on this machine, and the same path in both terminals, for the files of {@code -f}. */
    final String dir;

    TwinHarnesses() {
        try {
            dir = Files.createTempDirectory("kubelab-writes").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs setup lines through our terminal on both clusters; each must succeed. */
    TwinHarnesses setup(String... lines) {
        for (String line : lines) {
            both(h -> {
                var result = h.terminal(line);
                if (result.exitCode() != 0) {
                    throw new IllegalStateException(line + ": " + result.stderr());
                }
            });
        }
        return this;
    }

    TwinHarnesses settle() {
        both(KubeApiHarness::settle);
        return this;
    }

    void both(Consumer<KubeApiHarness> action) {
        action.accept(real);
        action.accept(ours);
    }

    Differential differential(RealKubectl kubectl) {
        return new Differential(real, ours, kubectl);
    }

    @Override
    public void close() {
        real.close();
        ours.close();
        try (var files = Files.walk(Path.of(dir))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
