package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * mysqld through its entrypoint: without MYSQL_ROOT_PASSWORD (or the allow-empty / random options) the
 * entrypoint refuses with its message and exit 1; otherwise it initialises (about 15 s) and listens on 3306.
 */
final class Mysql extends TimedProcess {

    static final Duration READY = Duration.ofSeconds(16);
    private boolean running;

    Mysql(Container c, ImageConfig image) {
        super(c, image);
        String release = image.version() + "-1.el9";
        String e0 = HttpDates.format(HttpDates.MYSQL_ENTRYPOINT, c.at(Duration.ZERO));
        out(Duration.ZERO, e0 + " [Note] [Entrypoint]: Entrypoint script for MySQL Server " + release + " started.");
        out(Duration.ZERO, e0 + " [Note] [Entrypoint]: Switching to dedicated user 'mysql'");
        out(Duration.ofMillis(100), e0 + " [Note] [Entrypoint]: Entrypoint script for MySQL Server " + release + " started.");
        boolean password = !c.env().getOrDefault("MYSQL_ROOT_PASSWORD", "").isEmpty()
                || c.env().containsKey("MYSQL_ALLOW_EMPTY_PASSWORD") || c.env().containsKey("MYSQL_RANDOM_ROOT_PASSWORD");
        if (!password) {
            Duration t = Duration.ofMillis(200);
            err(t, e0 + " [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified");
            err(t, "    You need to specify one of the following as an environment variable:");
            err(t, "    - MYSQL_ROOT_PASSWORD");
            err(t, "    - MYSQL_ALLOW_EMPTY_PASSWORD");
            err(t, "    - MYSQL_RANDOM_ROOT_PASSWORD");
            exit(t, 1);
            return;
        }
        if (outOfMemoryAtStart(Duration.ofSeconds(2))) {
            return;
        }
        Duration t = Duration.ofMillis(300);
        String e = HttpDates.format(HttpDates.MYSQL_ENTRYPOINT, c.at(t));
        out(t, e + " [Note] [Entrypoint]: Initializing database files");
        out(t, HttpDates.format(HttpDates.MYSQL, c.at(t)) + " 0 [System] [MY-015017] [Server] MySQL Server Initialization - start.");
        Duration init = Duration.ofSeconds(9);
        String ie = HttpDates.format(HttpDates.MYSQL_ENTRYPOINT, c.at(init));
        out(init, HttpDates.format(HttpDates.MYSQL, c.at(init)) + " 0 [System] [MY-015018] [Server] MySQL Server Initialization - end.");
        out(init, ie + " [Note] [Entrypoint]: Database files initialized");
        out(init, ie + " [Note] [Entrypoint]: Starting temporary server");
        out(init.plusSeconds(2), ie + " [Note] [Entrypoint]: Temporary server started.");
        out(init.plusSeconds(5), ie + " [Note] [Entrypoint]: Stopping temporary server");
        out(init.plusSeconds(6), ie + " [Note] [Entrypoint]: Temporary server stopped");
        out(init.plusSeconds(6), "");
        out(init.plusSeconds(6), ie + " [Note] [Entrypoint]: MySQL init process done. Ready for start up.");
        out(init.plusSeconds(6), "");
        String r = HttpDates.format(HttpDates.MYSQL, c.at(READY));
        out(READY, r + " 0 [System] [MY-015015] [Server] MySQL Server - start.");
        out(READY, r + " 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld " + image.version() + ") starting as process 1");
        out(READY, r + " 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '" + image.version()
                + "'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.");
        running = true;
    }

    @Override
    public boolean listening(int port) {
        return running && !ended && (port == 3306 || port == 33060) && container.elapsedNow().compareTo(READY) >= 0;
    }

    @Override
    public Optional<Duration> onTerminate() {
        if (!running) {
            return Optional.of(Duration.ZERO);
        }
        String r = HttpDates.format(HttpDates.MYSQL, container.at(now()));
        return shutdown(List.of(
                r + " 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: " + image.version() + ").",
                r + " 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld " + image.version() + ")  MySQL Community Server - GPL.",
                r + " 0 [System] [MY-015016] [Server] MySQL Server - end."), List.of(), Duration.ofSeconds(2), 0);
    }
}
