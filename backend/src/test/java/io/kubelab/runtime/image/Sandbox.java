package io.kubelab.runtime.image;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Test fixtures: a manual clock, the catalogue on it, containers to start, a network of fixed answers. */
final class Sandbox {

    static final Instant T0 = Instant.parse("2024-12-02T10:11:12Z");

    Instant now = T0;
    final SimulatedImages images = SimulatedImages.standard(() -> now);

    Process start(String image, List<String> command, List<String> args) {
        return start(image, command, args, Map.of(), 0, Map.of());
    }

    Process start(String image, List<String> command, List<String> args, Map<String, String> env, long memoryLimit,
                  Map<String, String> mounted) {
        ImageCatalogue.Pull pull = images.pull(image);
        if (!(pull instanceof ImageCatalogue.Pulled p)) {
            throw new AssertionError("pull failed: " + pull);
        }
        return p.image().program().start(new ContainerStart(command, args, env, "", "web-0", "10.244.1.5", memoryLimit,
                files(mounted), network()));
    }

    static ContainerStart.Files files(Map<String, String> mounted) {
        TreeMap<String, String> m = new TreeMap<>(mounted);
        return new ContainerStart.Files() {
            @Override
            public Optional<String> read(String path) {
                return Optional.ofNullable(m.get(path));
            }

            @Override
            public List<String> list(String directory) {
                return m.keySet().stream().filter(p -> p.startsWith(directory + "/") && p.indexOf('/', directory.length() + 1) < 0).toList();
            }
        };
    }

    /** {@code web} resolves to 10.96.0.20, which answers HTTP on 80; everything else is refused. */
    static Network network() {
        return new Network() {
            @Override
            public List<String> resolve(String name) {
                return name.equals("web") ? List.of("10.96.0.20") : List.of();
            }

            @Override
            public HttpExchange send(String address, int port, HttpRequest request) {
                if (address.equals("10.96.0.20") && port == 80) {
                    return new Answered(new HttpReply(200, "OK", List.of("Content-Type: text/plain"),
                            "hello from " + request.path() + " to " + request.userAgent() + "\n"));
                }
                return new Failure("Connection refused");
            }

            @Override
            public boolean connects(String address, int port) {
                return address.equals("10.96.0.20") && port == 80;
            }
        };
    }

    /** Steps up to {@code max}, or until the process stops producing them. */
    static List<Process.Step> steps(Process p, int max) {
        List<Process.Step> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Optional<Process.Step> s = p.next();
            if (s.isEmpty()) {
                break;
            }
            out.add(s.get());
        }
        return out;
    }

    static List<String> lines(List<Process.Step> steps) {
        List<String> out = new ArrayList<>();
        for (Process.Step s : steps) {
            if (s instanceof Process.Output o) {
                out.add((o.stderr() ? "2> " : "") + o.line());
            } else if (s instanceof Process.Exit e) {
                out.add("exit " + e.code() + " after " + e.after().toMillis() + "ms");
            } else {
                out.add("OOM after " + s.after().toMillis() + "ms");
            }
        }
        return out;
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
