package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * postgres through its entrypoint: refuses to initialise without POSTGRES_PASSWORD (exit 1, the entrypoint's
 * message), otherwise runs initdb, then the server on 5432; STOPSIGNAL SIGINT is a fast shutdown.
 */
final class Postgres extends TimedProcess {

    static final Duration INIT = Duration.ofSeconds(3);
    private boolean running;

    Postgres(Container c, ImageConfig image) {
        super(c, image);
        String password = c.env().getOrDefault("POSTGRES_PASSWORD", "");
        boolean trust = "trust".equals(c.env().get("POSTGRES_HOST_AUTH_METHOD"));
        if (password.isEmpty() && !trust) {
            for (String line : List.of(
                    "Error: Database is uninitialized and superuser password is not specified.",
                    "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
                    "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
                    "",
                    "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
                    "       connections without a password. This is *not* recommended.",
                    "",
                    "       See PostgreSQL documentation about \"trust\":",
                    "       https://www.postgresql.org/docs/current/auth-trust.html")) {
                err(Duration.ZERO, line);
            }
            exit(Duration.ofMillis(30), 1);
            return;
        }
        if (outOfMemoryAtStart(Duration.ofMillis(500))) {
            return;
        }
        String data = c.env().getOrDefault("PGDATA", "/var/lib/postgresql/data");
        Duration t = Duration.ZERO;
        for (String line : List.of(
                "The files belonging to this database system will be owned by user \"postgres\".",
                "This user must also own the server process.",
                "",
                "The database cluster will be initialized with locale \"en_US.utf8\".",
                "The default database encoding has accordingly been set to \"UTF8\".",
                "The default text search configuration will be set to \"english\".",
                "",
                "Data page checksums are disabled.",
                "",
                "fixing permissions on existing directory " + data + " ... ok",
                "creating subdirectories ... ok",
                "selecting dynamic shared memory implementation ... posix",
                "selecting default \"max_connections\" ... 100",
                "selecting default \"shared_buffers\" ... 128MB",
                "selecting default time zone ... Etc/UTC",
                "creating configuration files ... ok",
                "running bootstrap script ... ok",
                "performing post-bootstrap initialization ... ok",
                "syncing data to disk ... ok",
                "",
                "",
                "Success. You can now start the database server using:",
                "",
                "    pg_ctl -D " + data + " -l logfile start",
                "")) {
            out(t, line);
        }
        t = Duration.ofMillis(1800);
        err(t, "initdb: warning: enabling \"trust\" authentication for local connections");
        err(t, "initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.");
        out(t, "waiting for server to start.... done");
        out(t, "server started");
        out(t, "");
        out(t, "/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*");
        out(t, "");
        out(t, "waiting for server to shut down.... done");
        out(t, "server stopped");
        out(t, "");
        out(t, "PostgreSQL init process complete; ready for start up.");
        out(t, "");
        Duration s = INIT;
        String p = HttpDates.format(HttpDates.POSTGRES, c.at(s));
        String major = image.version().split("\\.")[0];
        err(s, p + " [1] LOG:  starting PostgreSQL " + image.version() + " (Debian " + image.version() + "-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit");
        err(s, p + " [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432");
        err(s, p + " [1] LOG:  listening on IPv6 address \"::\", port 5432");
        err(s, p + " [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"");
        err(s, p + " [62] LOG:  database system was shut down at " + HttpDates.format(HttpDates.POSTGRES, c.at(t)).replace(".000", "").replaceAll("\\.\\d{3} UTC", " UTC"));
        err(s, p + " [1] LOG:  database system is ready to accept connections");
        running = major.length() > 0;
    }

    @Override
    public boolean listening(int port) {
        return port == 5432 && running && !ended && container.elapsedNow().compareTo(INIT) >= 0;
    }

    @Override
    public Optional<Duration> onTerminate() {
        if (!running) {
            return Optional.of(Duration.ZERO);
        }
        String p = HttpDates.format(HttpDates.POSTGRES, container.at(now()));
        return shutdown(List.of(), List.of(
                p + " [1] LOG:  received fast shutdown request",
                p + " [1] LOG:  aborting any active transactions",
                p + " [1] LOG:  background worker \"logical replication launcher\" (PID 65) exited with exit code 1",
                p + " [60] LOG:  shutting down",
                p + " [60] LOG:  checkpoint starting: shutdown immediate",
                p + " [1] LOG:  database system is shut down"), Duration.ofMillis(300), 0);
    }
}
