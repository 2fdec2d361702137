package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Flavour;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One image's configuration, as {@code docker inspect} shows it, plus what our simulation needs to run it.
 *
 * @param version    the software's version ({@code 1.27.3}), for the lines it logs and its headers
 * @param env        ENV in image order (PATH first)
 * @param binaries   the image's own programs by name ({@code nginx}, {@code docker-entrypoint.sh}), each a
 *                   {@link Binary} key understood by {@link Launcher}
 * @param tools      optional utilities it ships ({@code curl}, {@code wget}, {@code perl}; {@code curl@8.11.1}
 *                   names the version for the User-Agent)
 * @param files      the image's own files (path to content; {@code ContainerFs.DIRECTORY} for a directory)
 * @param memoryBytes what the main process holds once started, for {@code kubectl top} and the OOM check
 */
public record ImageConfig(String version, List<String> entrypoint, List<String> cmd, Map<String, String> env,
                          String workingDir, List<Integer> ports, Flavour flavour, Map<String, Binary> binaries,
                          Set<String> tools, Map<String, String> files, long memoryBytes) {

    /** The behaviours a binary of an image can have. */
    public enum Binary {
        NGINX_ENTRYPOINT, NGINX, HTTPD, REDIS_ENTRYPOINT, REDIS, POSTGRES_ENTRYPOINT, POSTGRES, MYSQL_ENTRYPOINT, MYSQL,
        HTTP_ECHO, STRESS, PAUSE, AGNHOST, EXEC_ENTRYPOINT, CLUSTER_COMPONENT, PHP_APACHE
    }
}
