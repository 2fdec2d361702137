package io.kubelab.runtime.image.shell;

import io.kubelab.runtime.image.container.Container;
import io.kubelab.runtime.image.container.Flavour;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shell's state: variables, positional parameters, working directory, last status, functions, and its
 * own clock ({@link #time}: how long after the container started this shell has got to).
 */
public final class ShellState {

    /** Where {@code trap ACTION TERM} keeps its action (a name no shell variable can have). */
    public static final String TERM_TRAP = "-trap-TERM";

    final Container container;
    final String shell;
    final Map<String, String> vars;
    List<String> positional;
    String arg0;
    String cwd;
    int status;
    Duration time;
    final Map<String, Node> functions;
    long randomSeed;

    public ShellState(Container container, String shell, Duration time) {
        this.container = container;
        this.shell = shell;
        this.vars = new LinkedHashMap<>(container.env());
        this.vars.putIfAbsent("HOSTNAME", container.hostname());
        this.vars.putIfAbsent("HOME", "/root");
        this.vars.putIfAbsent("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        this.positional = new ArrayList<>();
        this.arg0 = shell;
        this.cwd = container.workingDir().isEmpty() ? "/" : container.workingDir();
        this.time = time;
        this.functions = new HashMap<>();
        this.randomSeed = container.hostname().hashCode();
    }

    /** A copy for a subshell or command substitution: same container and clock, its own variables. */
    ShellState fork() {
        ShellState s = new ShellState(container, shell, time);
        s.vars.clear();
        s.vars.putAll(vars);
        s.positional = new ArrayList<>(positional);
        s.arg0 = arg0;
        s.cwd = cwd;
        s.status = status;
        s.functions.putAll(functions);
        s.randomSeed = randomSeed;
        return s;
    }

    public Container container() {
        return container;
    }

    public Flavour flavour() {
        return container.flavour();
    }

    public String shell() {
        return shell;
    }

    public Duration time() {
        return time;
    }

    public Instant now() {
        return container.at(time);
    }

    public void sleep(Duration d) {
        time = time.plus(d);
    }

    public String cwd() {
        return cwd;
    }

    /** The action of {@code trap ... TERM}, if the script set one. */
    public java.util.Optional<String> termTrap() {
        return java.util.Optional.ofNullable(vars.get(TERM_TRAP));
    }

    public Map<String, String> vars() {
        return vars;
    }

    public int status() {
        return status;
    }

    public void setPositional(String name, List<String> args) {
        this.arg0 = name;
        this.positional = new ArrayList<>(args);
    }

    String path(String p) {
        return io.kubelab.runtime.image.container.ContainerFs.resolve(cwd, p);
    }

    /** busybox and bash give $RANDOM 0..32767; ours is deterministic per container. */
    int random() {
        randomSeed = randomSeed * 6364136223846793005L + 1442695040888963407L;
        return (int) ((randomSeed >>> 33) % 32768);
    }
}
