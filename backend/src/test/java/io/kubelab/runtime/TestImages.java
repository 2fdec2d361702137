package io.kubelab.runtime;

import io.kubelab.runtime.image.ContainerStart;
import io.kubelab.runtime.image.Image;
import io.kubelab.runtime.image.ImageCatalogue;
import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.Process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A small catalogue for kubelet and runtime tests: {@code nginx} serves HTTP on 80 until stopped (404 for
 * anything but {@code /}), {@code busybox} runs {@code sleep N} or {@code sh -c 'exit N'}, {@code crasher}
 * exits 1 after a second, {@code memhog} outgrows its limit in 5 s, {@code registry.k8s.io/*} images run
 * forever answering 200 everywhere; tag {@code nope} is not in the registry and upper-case names are invalid.
 */
public final class TestImages implements ImageCatalogue {

    @Override
    public Pull pull(String image) {
        if (!image.equals(image.toLowerCase())) {
            return new InvalidName("Failed to apply default image tag \"" + image + "\": couldn't parse image name \""
                    + image + "\": invalid reference format: repository name (library/" + image + ") must be lowercase");
        }
        String ref = ImageNames.normalise(image);
        if (ref.endsWith(":nope")) {
            return new PullFailed("rpc error: code = NotFound desc = failed to pull and unpack image \"" + ref
                    + "\": failed to resolve reference \"" + ref + "\": " + ref + ": not found");
        }
        String repo = ImageNames.repository(ref);
        String id = repo + "@sha256:" + hex(ref);
        if (repo.equals("docker.io/library/nginx")) {
            return new Pulled(new Image(ref, id, 72_080_558, Duration.ofMillis(2513), start -> new Server(80, 200)));
        }
        if (repo.equals("docker.io/library/busybox")) {
            return new Pulled(new Image(ref, id, 2_166_802, Duration.ofMillis(1200), Busybox::new));
        }
        if (repo.equals("docker.io/library/crasher")) {
            return new Pulled(new Image(ref, id, 1_000_000, Duration.ofSeconds(1),
                    start -> new Script(List.of(new Process.Output(Duration.ofMillis(500), false, "boom"),
                            new Process.Exit(Duration.ofMillis(500), 1)))));
        }
        if (repo.equals("docker.io/library/memhog")) {
            return new Pulled(new Image(ref, id, 1_000_000, Duration.ofSeconds(1),
                    start -> new Script(List.of(new Process.OutOfMemory(Duration.ofSeconds(5))))));
        }
        if (repo.equals("docker.io/library/printenv")) {
            return new Pulled(new Image(ref, id, 1_000_000, Duration.ofSeconds(1), PrintEnv::new));
        }
        if (repo.startsWith("registry.k8s.io/")) {
            return new Pulled(new Image(ref, id, 50_000_000, Duration.ofSeconds(3), start -> new Server(-1, 200)));
        }
        return new PullFailed("rpc error: code = Unknown desc = failed to pull and unpack image \"" + ref
                + "\": failed to resolve reference \"" + ref + "\": pull access denied, repository does not exist or may require authorization");
    }

    static String hex(String text) {
        StringBuilder out = new StringBuilder();
        long h = text.hashCode();
        for (int i = 0; i < 4; i++) {
            h = h * 6364136223846793005L + 1442695040888963407L;
            out.append(String.format("%016x", h));
        }
        return out.toString();
    }

    /** Plays fixed steps; ignores SIGTERM. */
    static class Script implements Process {
        final Deque<Step> steps;

        Script(List<Step> steps) {
            this.steps = new ArrayDeque<>(steps);
        }

        @Override
        public Optional<Step> next() {
            return Optional.ofNullable(steps.poll());
        }

        @Override
        public boolean listening(int port) {
            return false;
        }

        @Override
        public Optional<Served> http(int port, Network.HttpRequest request, Instant now) {
            return Optional.empty();
        }

        @Override
        public ExecResult exec(List<String> argv, Instant now) {
            if (argv.equals(List.of("true"))) {
                return new ExecResult("", "", 0);
            }
            if (argv.size() == 2 && argv.get(0).equals("cat")) {
                return new ExecResult("", "cat: can't open '" + argv.get(1) + "': No such file or directory\n", 1);
            }
            return new ExecResult("", "sh: " + argv.get(0) + ": not found\n", 127);
        }

        @Override
        public Usage usage() {
            return new Usage(1, 1_000_000);
        }

        @Override
        public Optional<Duration> onTerminate() {
            return Optional.empty();
        }
    }

    /** busybox: {@code sleep N} exits 0 after N seconds, {@code sh -c 'exit N'} exits N at once. */
    static final class Busybox extends Script {
        Busybox(ContainerStart start) {
            super(steps(start));
        }

        private static List<Step> steps(ContainerStart start) {
            List<String> argv = new java.util.ArrayList<>(start.command());
            argv.addAll(start.args());
            if (argv.size() >= 2 && argv.get(0).equals("sleep")) {
                return argv.get(1).equals("infinity") ? List.of()
                        : List.of(new Exit(Duration.ofSeconds(Long.parseLong(argv.get(1))), 0));
            }
            if (argv.size() == 3 && argv.get(0).equals("sh") && argv.get(2).startsWith("exit ")) {
                return List.of(new Exit(Duration.ZERO, Integer.parseInt(argv.get(2).substring(5))));
            }
            if (argv.size() >= 2 && argv.get(0).equals("echo")) {
                return List.of(new Output(Duration.ZERO, false, String.join(" ", argv.subList(1, argv.size()))),
                        new Exit(Duration.ZERO, 0));
            }
            return List.of(new Exit(Duration.ZERO, 0));
        }
    }

    /** Prints its command line, environment and the files under /etc, one line each, then sleeps forever. */
    static final class PrintEnv extends Script {
        PrintEnv(ContainerStart start) {
            super(lines(start));
        }

        private static List<Step> lines(ContainerStart start) {
            List<Step> out = new java.util.ArrayList<>();
            out.add(new Output(Duration.ZERO, false, "ARGV=" + String.join(" ", start.command()) + "|" + String.join(" ", start.args())));
            start.env().forEach((k, v) -> out.add(new Output(Duration.ZERO, false, k + "=" + v)));
            for (String dir : List.of("/etc/config", "/etc/info")) {
                for (String path : start.files().list(dir)) {
                    out.add(new Output(Duration.ZERO, false, "FILE " + path + "=" + start.files().read(path).orElse("?")));
                }
            }
            out.add(new Output(Duration.ZERO, false, "HOSTNAME=" + start.hostname() + " MEMORY=" + start.memoryLimitBytes()));
            return out;
        }
    }

    /** Listens on {@code port} (-1: every port) and answers {@code /} with {@code status}; quits on SIGTERM. */
    static final class Server extends Script {
        final int port;
        final int status;

        Server(int port, int status) {
            super(List.of(new Output(Duration.ZERO, false, "start worker processes")));
            this.port = port;
            this.status = status;
        }

        @Override
        public boolean listening(int p) {
            return port < 0 || p == port;
        }

        @Override
        public Optional<Served> http(int p, Network.HttpRequest request, Instant now) {
            if (!listening(p)) {
                return Optional.empty();
            }
            int code = port < 0 || request.path().equals("/") ? status : 404;
            return Optional.of(new Served(new Network.HttpReply(code, code == 200 ? "OK" : "Not Found", List.of(), ""),
                    List.of(new Output(Duration.ZERO, false, request.clientAddress() + " - - \"GET " + request.path()
                            + " HTTP/1.1\" " + code))));
        }

        @Override
        public Usage usage() {
            return new Usage(2, 3_000_000);
        }

        @Override
        public Optional<Duration> onTerminate() {
            return Optional.of(Duration.ofMillis(100));
        }
    }
}
