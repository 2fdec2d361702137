package io.kubelab.shell;

import io.kubelab.cluster.NodeFiles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GNU {@code ls} with {@code -l -a -A -1 -R -d}, one name a line as when its output is not a terminal.
 * The virtual files keep no owners, modes or times, so {@code -l} shows what a fresh machine would: the
 * login's user for files under its home and root elsewhere, {@code rw-r--r--} files and {@code rwxr-xr-x}
 * directories, and the sandbox's current time.
 */
final class Listing {

    /** A directory's size as ext4 reports it. */
    static final int DIRECTORY_SIZE = 4096;

    private final Shell shell;
    private final Sessions.Session session;
    private boolean all;
    private boolean almostAll;
    private boolean longFormat;
    private boolean recursive;
    private boolean directoryItself;
    private boolean human;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    private Listing(Shell shell) {
        this.shell = shell;
        this.session = shell.sessions().current();
    }

    static CommandResult ls(Shell shell, List<String> args) {
        Listing l = new Listing(shell);
        Options o = Options.parse("ls", args, "", false);
        String bad = o.unknown("ls", "laA1Rdhtrsi");
        if (bad != null) {
            return CommandResult.failure(bad, 2);
        }
        l.all = o.has('a');
        l.almostAll = o.has('A');
        l.longFormat = o.has('l');
        l.recursive = o.has('R');
        l.directoryItself = o.has('d');
        l.human = o.has('h');
        return l.list(o.operands.isEmpty() ? List.of(".") : o.operands);
    }

    private CommandResult list(List<String> targets) {
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String target : targets) {
            String p = Paths.resolve(session, target);
            if (session.files.isDirectory(p) && !directoryItself) {
                dirs.add(target);
            } else if (session.files.exists(p)) {
                files.add(target);
            } else {
                err.append("ls: cannot access '").append(target).append("': No such file or directory\n");
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (String f : files) {
            rows.add(entry(Paths.resolve(session, f), f));
        }
        flush(rows, false);
        boolean headers = targets.size() > 1 || recursive;
        boolean first = files.isEmpty();
        for (String dir : dirs) {
            first = directory(dir, headers, first);
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 2);
    }

    private boolean directory(String shown, boolean header, boolean first) {
        if (out.length() > Limits.MAX_OUTPUT_CHARS) {
            return false;
        }
        String path = Paths.resolve(session, shown);
        if (header) {
            out.append(first ? "" : "\n").append(shown).append(":\n");
        }
        List<String[]> rows = new ArrayList<>();
        if (all) {
            rows.add(entry(path, "."));
            rows.add(entry(NodeFiles.parent(path), ".."));
        }
        List<String> children = session.files.children(path);
        for (String name : children) {
            if (name.startsWith(".") && !all && !almostAll) {
                continue;
            }
            rows.add(entry(child(path, name), name));
        }
        flush(rows, true);
        if (recursive) {
            for (String name : children) {
                if ((name.startsWith(".") && !all && !almostAll) || !session.files.isDirectory(child(path, name))) {
                    continue;
                }
                directory(shown.endsWith("/") ? shown + name : shown + "/" + name, true, false);
            }
        }
        return false;
    }

    private static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** One row of {@code ls -l}: mode, links, owner, group, size, date, name. */
    private String[] entry(String path, String name) {
        boolean dir = session.files.isDirectory(path);
        long size = dir ? DIRECTORY_SIZE : session.files.read(path).map(c -> c.getBytes(StandardCharsets.UTF_8).length)
                .orElse(0);
        long links = 1;
        if (dir) {
            links = 2 + session.files.children(path).stream().filter(c -> session.files.isDirectory(child(path, c)))
                    .count();
        }
        String owner = path.equals(session.home) || path.startsWith(session.home + "/") ? session.user : "root";
        return new String[]{dir ? "drwxr-xr-x" : "-rw-r--r--", Long.toString(links), owner, owner,
                Long.toString(size), date(shell.now()), name, Long.toString(dir ? 4 : (size + 4095) / 4096 * 4)};
    }

    private void flush(List<String[]> rows, boolean total) {
        if (!longFormat) {
            rows.forEach(r -> out.append(r[6]).append('\n'));
            return;
        }
        if (total) {
            long blocks = rows.stream().mapToLong(r -> Long.parseLong(r[7])).sum();
            out.append("total ").append(human ? human(blocks * 1024) : Long.toString(blocks)).append('\n');
        }
        if (human) {
            rows.forEach(r -> r[4] = human(Long.parseLong(r[4])));
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 1; i < 5; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            out.append(r[0]).append(' ').append(pad(r[1], width[1], true)).append(' ')
                    .append(pad(r[2], width[2], false)).append(' ').append(pad(r[3], width[3], false)).append(' ')
                    .append(pad(r[4], width[4], true)).append(' ').append(r[5]).append(' ').append(r[6]).append('\n');
        }
    }

    /** GNU's {@code -h}: bytes below 1K, else one decimal under 10 and none above, rounded up. */
    static String human(long bytes) {
        if (bytes < 1024) {
            return Long.toString(bytes);
        }
        String units = "KMGTPE";
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        if (v < 10) {
            double up = Math.ceil(v * 10) / 10;
            return up >= 10 ? "10" + units.charAt(u) : String.format(java.util.Locale.ROOT, "%.1f%c", up, units.charAt(u));
        }
        return (long) Math.ceil(v) + String.valueOf(units.charAt(u));
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    /** {@code Nov 25 17:26}: files this sandbox made are always recent. */
    private static String date(Instant when) {
        return DateCommand.format(when, "%b %e %H:%M");
    }
}
