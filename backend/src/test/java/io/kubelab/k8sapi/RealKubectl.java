package io.kubelab.k8sapi;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl binaries of this machine ({@code /usr/bin/kubectl} is a dispatcher; the versioned clients
 * {@code kubectl.1.27} to {@code kubectl.1.33} sit beside the file it links to). Tests that need one are
 * skipped, with a message, where it is absent.
 */
public final class RealKubectl {

    public record Result(String stdout, String stderr, int exitCode) {
    }

    private final Path binary;

    private RealKubectl(Path binary) {
        this.binary = binary;
    }

    /** The client of minor version {@code minor} (e.g. 32), or a skipped test. */
    public static RealKubectl version(int minor) {
        Optional<Path> dir = directory();
        Path candidate = dir.map(d -> d.resolve("kubectl.1." + minor)).orElse(null);
        Assumptions.assumeTrue(candidate != null && Files.isExecutable(candidate),
                "kubectl 1." + minor + " is not installed beside /usr/bin/kubectl; skipping the real-kubectl test");
        return new RealKubectl(named(candidate, minor));
    }

    /**
     * The client under the name a student runs it by: its User-Agent, and so the default field manager of its
     * writes, is named after the program ({@code kubectl}, not {@code kubectl.1.32}).
     */
    private static Path named(Path binary, int minor) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "kubelab-kubectl-1." + minor);
            Files.createDirectories(dir);
            Path link = dir.resolve("kubectl");
            if (!Files.isSymbolicLink(link)) {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, binary);
            }
            return link;
        } catch (IOException | UnsupportedOperationException e) {
            return binary;
        }
    }

    /** The dispatcher itself, which picks its client by the server's minor version. */
    public static RealKubectl dispatcher() {
        Path path = Path.of("/usr/bin/kubectl");
        Assumptions.assumeTrue(Files.isExecutable(path), "/usr/bin/kubectl is absent; skipping the real-kubectl test");
        return new RealKubectl(path);
    }

    /** The versioned clients installed, e.g. [27, 28, ..., 33]. */
    public static List<Integer> installedMinors() {
        List<Integer> minors = new ArrayList<>();
        directory().ifPresent(dir -> {
            for (int minor = 20; minor < 60; minor++) {
                if (Files.isExecutable(dir.resolve("kubectl.1." + minor))) {
                    minors.add(minor);
                }
            }
        });
        return minors;
    }

    private static Optional<Path> directory() {
        Path link = Path.of("/usr/bin/kubectl");
        if (!Files.exists(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(link.toRealPath().getParent());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts kubectl with {@code args} and leaves it running (port-forward); the caller reads and ends it. */
    public Process start(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TZ", "UTC");
        builder.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        builder.environment().remove("KUBECONFIG");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs kubectl with {@code args} (a kubeconfig and cache dir among them), stdin and extra environment. */
    public Result run(List<String> args, String stdin, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TZ", "UTC");
        builder.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            copy(process.getInputStream(), out);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl " + args + " did not finish in 120 s");
            }
            errReader.join();
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    process.exitValue());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(java.io.InputStream in, java.io.OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
