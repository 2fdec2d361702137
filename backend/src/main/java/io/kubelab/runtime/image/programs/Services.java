package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;
import io.kubelab.runtime.image.programs.ImageConfig.Binary;

import java.util.ArrayList;
import java.util.List;

/** Starts an image's own binary: servers, and the entrypoint scripts that decide what to run. */
final class Services {

    private Services() {
    }

    static TimedProcess start(Binary binary, String name, List<String> args, Container c, ImageConfig image) {
        return switch (binary) {
            case NGINX_ENTRYPOINT -> !args.isEmpty() && (args.get(0).equals("nginx") || args.get(0).equals("nginx-debug"))
                    ? new Nginx(c, image, true) : exec(args, c, image);
            case NGINX -> new Nginx(c, image, false);
            case HTTPD -> new Httpd(c, image);
            case REDIS_ENTRYPOINT -> {
                if (!args.isEmpty() && (args.get(0).startsWith("-") || args.get(0).endsWith(".conf"))) {
                    yield new Redis(c, image, args);
                }
                yield !args.isEmpty() && args.get(0).equals("redis-server") ? new Redis(c, image, args.subList(1, args.size())) : exec(args, c, image);
            }
            case REDIS -> new Redis(c, image, args);
            case POSTGRES_ENTRYPOINT -> !args.isEmpty() && (args.get(0).startsWith("-") || args.get(0).equals("postgres"))
                    ? new Postgres(c, image) : exec(args, c, image);
            case POSTGRES -> new Postgres(c, image);
            case MYSQL_ENTRYPOINT -> !args.isEmpty() && (args.get(0).startsWith("-") || args.get(0).equals("mysqld"))
                    ? new Mysql(c, image) : exec(args, c, image);
            case MYSQL -> new Mysql(c, image);
            case HTTP_ECHO -> new HttpEcho(c, image, args);
            case STRESS -> new Stress(c, image, args);
            case PAUSE -> new Pause(c, image);
            case AGNHOST -> new Agnhost(c, image, args);
            case CLUSTER_COMPONENT -> new ClusterComponent(c, image, name);
            case PHP_APACHE -> new PhpApache(c, image);
            case EXEC_ENTRYPOINT -> {
                // curl's entrypoint: options (or nothing runnable) mean "curl ..."; otherwise exec the command
                if (args.isEmpty() || args.get(0).startsWith("-") || !Launcher.runnable(base(args.get(0)), args.get(0), c, image)) {
                    List<String> argv = new ArrayList<>(image.cmd());
                    argv.addAll(args);
                    yield Launcher.launch(argv, c, image);
                }
                yield Launcher.launch(args, c, image);
            }
        };
    }

    private static String base(String s) {
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** {@code exec "$@"} at the end of an entrypoint script. */
    private static TimedProcess exec(List<String> args, Container c, ImageConfig image) {
        if (args.isEmpty()) {
            return ShellProcess.script(c, image, "sh", "", List.of());
        }
        return Launcher.launch(args, c, image);
    }
}
