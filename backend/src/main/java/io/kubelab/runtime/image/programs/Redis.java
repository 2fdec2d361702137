package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** redis-server: its start-up banner lines, port 6379 (or {@code --port}), and the shutdown it does on SIGTERM. */
final class Redis extends TimedProcess {

    private final int port;

    Redis(Container c, ImageConfig image, List<String> args) {
        super(c, image);
        int p = 6379;
        boolean config = false;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--port") && i + 1 < args.size()) {
                p = Integer.parseInt(args.get(i + 1).replaceAll("\\D", "0"));
            } else if (!args.get(i).startsWith("-") && i == 0) {
                config = true;
            }
        }
        this.port = p;
        if (outOfMemoryAtStart(Duration.ZERO)) {
            return;
        }
        Duration t0 = Duration.ZERO;
        Duration t1 = Duration.ofMillis(1);
        String c0 = "1:C " + HttpDates.format(HttpDates.REDIS, c.at(t0));
        String m1 = "1:M " + HttpDates.format(HttpDates.REDIS, c.at(t1));
        out(t0, c0 + " # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
        out(t0, c0 + " * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
        out(t0, c0 + " * Redis version=" + image.version() + ", bits=64, commit=00000000, modified=0, pid=1, just started");
        out(t0, c0 + (config ? " * Configuration loaded"
                : " # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf"));
        out(t1, m1 + " * monotonic clock: POSIX clock_gettime");
        out(t1, m1 + " * Running mode=standalone, port=" + port + ".");
        out(t1, m1 + " * Server initialized");
        out(t1, m1 + " * Ready to accept connections tcp");
    }

    @Override
    public boolean listening(int p) {
        return p == port && !ended;
    }

    @Override
    public Optional<Duration> onTerminate() {
        Duration at = now();
        String m = "1:M " + HttpDates.format(HttpDates.REDIS, container.at(at));
        return shutdown(List.of(
                "1:signal-handler (" + container.at(at).getEpochSecond() + ") Received SIGTERM scheduling shutdown...",
                m + " * User requested shutdown...",
                m + " * Saving the final RDB snapshot before exiting.",
                m + " * DB saved on disk",
                m + " # Redis is now ready to exit, bye bye..."), List.of(), Duration.ofMillis(100), 0);
    }
}
