package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.ContainerStart;
import io.kubelab.runtime.image.Process;
import io.kubelab.runtime.image.Program;
import io.kubelab.runtime.image.container.Container;
import io.kubelab.runtime.image.container.ContainerFs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** What a pulled image runs: builds the container's environment and filesystem, then its PID 1. */
public final class ImageProgram implements Program {

    private final ImageConfig image;
    private final Supplier<Instant> clock;

    public ImageProgram(ImageConfig image, Supplier<Instant> clock) {
        this.image = image;
        this.clock = clock;
    }

    public ImageConfig config() {
        return image;
    }

    @Override
    public Process start(ContainerStart start) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", image.env().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        env.put("HOSTNAME", start.hostname());
        image.env().forEach(env::putIfAbsent);
        env.putAll(start.env());
        env.putIfAbsent("HOME", "/root");
        Map<String, String> files = new LinkedHashMap<>(image.files());
        files.put("/etc/hostname", start.hostname() + "\n");
        files.put("/etc/hosts", "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
                + start.podIp() + "\t" + start.hostname() + "\n");
        files.put("/etc/resolv.conf", "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
        String workingDir = start.workingDir().isEmpty() ? image.workingDir() : start.workingDir();
        Container c = new Container(env, start.hostname(), start.podIp(), workingDir, clock.get(), start.memoryLimitBytes(),
                start.network(), new ContainerFs(files, start.files()), image.flavour(), image.tools(), image.binaries().keySet(), clock);
        return Launcher.launch(Launcher.commandLine(image.entrypoint(), image.cmd(), start.command(), start.args()), c, image);
    }
}
