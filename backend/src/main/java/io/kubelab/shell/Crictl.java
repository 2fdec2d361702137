package io.kubelab.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;
import io.kubelab.runtime.image.Image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code crictl} 1.32 against the node's containerd: {@code ps [-a]}, {@code pods}, {@code images},
 * {@code logs ID}, {@code inspect ID}, with crictl's tables (tabwriter minwidth 20, padding 3) and ids
 * truncated to 13 characters.
 */
final class Crictl implements Builtin {

    static final int TRUNCATED_ID = 13;
    /** The sandbox image kubeadm's kubelet flags name: containerd holds it on every node. */
    static final String PAUSE = "registry.k8s.io/pause:3.10";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One container instance with the sandbox it runs in. */
    record Row(Sandbox sandbox, RuntimeContainer container, Instant created) {
    }

    @Override
    public CommandResult run(Shell shell, List<String> args) {
        ContainerRuntime runtime = shell.sessions().host().runtime().orElseThrow();
        Instant now = shell.cluster().orElseThrow().clock().now();
        if (args.isEmpty()) {
            return CommandResult.failure("NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command "
                    + "[command options]\n\nCOMMANDS:\n   images, image, img   List images\n   inspect              "
                    + "Display the status of one or more containers\n   logs                 Fetch the logs of a "
                    + "container\n   pods                 List pods\n   ps                   List containers\n", 1);
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "ps" -> CommandResult.ok(ps(runtime, now, rest.contains("-a") || rest.contains("--all"),
                    rest.contains("-q") || rest.contains("--quiet")));
            case "pods" -> CommandResult.ok(pods(runtime, now));
            case "images", "image", "img" -> CommandResult.ok(images(runtime));
            case "logs" -> logs(shell, runtime, rest);
            case "inspect" -> inspect(runtime, rest);
            default -> CommandResult.failure("No help topic for '" + args.get(0) + "'\n", 3);
        };
    }

    static String ps(ContainerRuntime runtime, Instant now, boolean all, boolean quiet) {
        Table table = new Table();
        if (!quiet) {
            table.row("CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD");
        }
        StringBuilder ids = new StringBuilder();
        for (Row r : rows(runtime, now, all)) {
            RuntimeContainer c = r.container();
            if (quiet) {
                ids.append(c.id()).append('\n');
                continue;
            }
            String image = runtime.image(c.imageRef()).map(Image::imageId).orElse(c.imageId());
            table.row(c.id().substring(0, TRUNCATED_ID), imageId(image).substring(0, TRUNCATED_ID),
                    HumanDuration.ago(now, r.created()), state(c), c.name(), Integer.toString(c.attempt()),
                    r.sandbox().id().substring(0, TRUNCATED_ID), r.sandbox().podName());
        }
        return quiet ? ids.toString() : table.toString();
    }

    /** Containers newest first, as crictl sorts them; exited ones only with {@code -a}. */
    static List<Row> rows(ContainerRuntime runtime, Instant now, boolean all) {
        List<Row> out = new ArrayList<>();
        for (Sandbox s : runtime.sandboxes()) {
            List<RuntimeContainer> instances = new ArrayList<>();
            s.containers().forEach(instances::add);
            s.containers().forEach(c -> s.previous(c.name()).ifPresent(instances::add));
            for (RuntimeContainer c : instances) {
                if (all || c.running()) {
                    out.add(new Row(s, c, c.startedAt() == null ? now : c.startedAt()));
                }
            }
        }
        out.sort(Comparator.comparing(Row::created).reversed().thenComparing(r -> r.container().id()));
        return out;
    }

    static String pods(ContainerRuntime runtime, Instant now) {
        Table table = new Table();
        table.row("POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME");
        List<Sandbox> sandboxes = new ArrayList<>(runtime.sandboxes());
        sandboxes.sort(Comparator.comparing((Sandbox s) -> created(s, now)).reversed().thenComparing(Sandbox::id));
        for (Sandbox s : sandboxes) {
            table.row(s.id().substring(0, TRUNCATED_ID), HumanDuration.ago(now, created(s, now)),
                    s.ready() ? "Ready" : "NotReady", s.podName(), s.namespace(), "0", "(default)");
        }
        return table.toString();
    }

    /** A sandbox is created just before its first container starts. */
    static Instant created(Sandbox s, Instant now) {
        Instant first = now;
        for (RuntimeContainer c : s.containers()) {
            Instant at = c.startedAt();
            if (at != null && at.isBefore(first)) {
                first = at;
            }
            Optional<RuntimeContainer> before = s.previous(c.name());
            if (before.isPresent() && before.get().startedAt() != null && before.get().startedAt().isBefore(first)) {
                first = before.get().startedAt();
            }
        }
        return first;
    }

    static String images(ContainerRuntime runtime) {
        Table table = new Table();
        table.row("IMAGE", "TAG", "IMAGE ID", "SIZE");
        List<String[]> rows = new ArrayList<>();
        boolean pause = false;
        for (Image image : runtime.images()) {
            String ref = image.reference();
            int colon = ref.lastIndexOf(':');
            pause |= ref.equals(PAUSE);
            rows.add(new String[]{ref.substring(0, colon), ref.substring(colon + 1),
                    imageId(image.imageId()).substring(0, TRUNCATED_ID), HumanDuration.size(image.sizeBytes())});
        }
        if (!pause) {
            rows.add(new String[]{"registry.k8s.io/pause", "3.10", imageId(PAUSE).substring(0, TRUNCATED_ID), "320kB"});
        }
        rows.sort(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[1]));
        rows.forEach(table::row);
        return table.toString();
    }

    private static CommandResult logs(Shell shell, ContainerRuntime runtime, List<String> args) {
        List<String> ids = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (ids.isEmpty()) {
            return CommandResult.failure("FATA[0000] ID cannot be empty\n", 1);
        }
        Optional<Row> row = find(runtime, ids.get(0));
        if (row.isEmpty()) {
            return notFound(ids.get(0));
        }
        Sandbox s = row.get().sandbox();
        boolean previous = s.container(row.get().container().name()).map(c -> c != row.get().container()).orElse(true);
        StringBuilder out = new StringBuilder();
        shell.cluster().orElseThrow().logs().read(s.namespace(), s.podName(), row.get().container().name(), previous)
                .forEach(line -> out.append(line.text()).append('\n'));
        return CommandResult.ok(out.toString());
    }

    private static CommandResult inspect(ContainerRuntime runtime, List<String> args) {
        List<String> ids = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (ids.isEmpty()) {
            return CommandResult.failure("FATA[0000] ID cannot be empty\n", 1);
        }
        Optional<Row> row = find(runtime, ids.get(0));
        if (row.isEmpty()) {
            return notFound(ids.get(0));
        }
        RuntimeContainer c = row.get().container();
        Sandbox s = row.get().sandbox();
        ObjectNode out = JSON.createObjectNode();
        ObjectNode status = out.putObject("status");
        status.put("id", c.id());
        status.putObject("metadata").put("attempt", c.attempt()).put("name", c.name());
        status.put("state", "CONTAINER_" + c.state().name());
        status.put("createdAt", ObjectMeta.time(row.get().created()));
        status.put("startedAt", c.startedAt() == null ? "1970-01-01T00:00:00Z" : ObjectMeta.time(c.startedAt()));
        status.put("finishedAt", c.finishedAt() == null ? "1970-01-01T00:00:00Z" : ObjectMeta.time(c.finishedAt()));
        status.put("exitCode", c.exitCode());
        status.putObject("image").put("image", c.imageRef());
        status.put("imageRef", c.imageId());
        status.put("reason", c.reason());
        status.put("message", "");
        status.putObject("labels").put("io.kubernetes.container.name", c.name())
                .put("io.kubernetes.pod.name", s.podName()).put("io.kubernetes.pod.namespace", s.namespace())
                .put("io.kubernetes.pod.uid", s.podUid());
        status.put("logPath", MachineFiles.POD_LOGS + "/" + MachineFiles.dirName(s) + "/" + c.name() + "/"
                + c.attempt() + ".log");
        out.putObject("info").put("sandboxID", s.id()).put("pid", c.running() ? 1000 + (c.id().hashCode() & 0x7fff) : 0);
        try {
            return CommandResult.ok(JSON.writeValueAsString(out) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A container by id or unique id prefix, as containerd resolves a truncated id. */
    private static Optional<Row> find(ContainerRuntime runtime, String id) {
        List<Row> matches = rows(runtime, Instant.EPOCH, true).stream()
                .filter(r -> r.container().id().startsWith(id)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static CommandResult notFound(String id) {
        return CommandResult.failure("E0000 00:00:00.000000       1 log.go:32] \"ContainerStatus from runtime service failed\" "
                + "err=\"rpc error: code = NotFound desc = an error occurred when try to find container \\\"" + id
                + "\\\": not found\" containerID=\"" + id + "\"\nFATA[0000] rpc error: code = NotFound desc = an error "
                + "occurred when try to find container \"" + id + "\": not found\n", 1);
    }

    private static String state(RuntimeContainer c) {
        return switch (c.state()) {
            case CREATED -> "Created";
            case RUNNING -> "Running";
            case EXITED -> "Exited";
        };
    }

    /** containerd's image id (its config digest): fixed per image, derived from its repository digest here. */
    static String imageId(String repoDigest) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(("config:" + repoDigest).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sum);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Go's text/tabwriter as crictl sets it up: minwidth 20, padding 3, blanks; the last column unpadded. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void row(String... cells) {
            rows.add(cells);
        }

        @Override
        public String toString() {
            int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
            int[] widths = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < r.length - 1; i++) {
                    widths[i] = Math.max(widths[i], Math.max(20, r[i].length() + 3));
                }
            }
            StringBuilder out = new StringBuilder();
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    out.append(r[i]);
                    if (i < r.length - 1) {
                        out.append(" ".repeat(widths[i] - r[i].length()));
                    }
                }
                out.append('\n');
            }
            return out.toString();
        }
    }
}
