package io.kubelab.tenancy;

import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandboxes whose running state lives on this member. Each sandbox's commands run one at a time,
 * in the order they arrive, whether they come from its terminal or from the automation API.
 */
public final class SandboxHost {

    private final ConcurrentHashMap<String, Shell> shells = new ConcurrentHashMap<>();

    public void start(String id) {
        shells.putIfAbsent(id, new Shell());
    }

    public boolean hosts(String id) {
        return shells.containsKey(id);
    }

    public Optional<CommandResult> execute(String id, String line) {
        Shell shell = shells.get(id);
        if (shell == null) {
            return Optional.empty();
        }
        synchronized (shell) {
            return Optional.of(shell.execute(line));
        }
    }

    public Optional<java.util.List<String>> history(String id) {
        Shell shell = shells.get(id);
        if (shell == null) {
            return Optional.empty();
        }
        synchronized (shell) {
            return Optional.of(shell.history());
        }
    }

    public void stop(String id) {
        shells.remove(id);
    }

    public Set<String> ids() {
        return Set.copyOf(shells.keySet());
    }

    public int size() {
        return shells.size();
    }
}
