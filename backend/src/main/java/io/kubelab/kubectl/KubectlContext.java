package io.kubelab.kubectl;

import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One kubectl invocation: the cluster it talks to (through the API server only), who it is, which
 * namespace it defaults to, the machine it runs on, and what it prints.
 */
public final class KubectlContext {

    private final ApiServer api;
    private final SimClock clock;
    private final Workstation workstation;
    private final String stdin;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private UserInfo user = UserInfo.ADMIN;
    private String namespace = "default";
    private boolean namespaceGiven;
    private Kubeconfig kubeconfig;
    private String commandPath = "kubectl";
    private String noServer;

    public KubectlContext(ApiServer api, SimClock clock, Workstation workstation, String stdin) {
        this.api = api;
        this.clock = clock;
        this.workstation = workstation;
        this.stdin = stdin;
    }

    /**
     * The sandbox's API server. Without a kubeconfig context kubectl has no server to talk to: asking for
     * it then ends the command with kubectl's connection error.
     */
    public ApiServer api() {
        if (noServer != null) {
            throw new NoServer(noServer);
        }
        return api;
    }

    /** kubectl could not reach a server; the message is what it prints. */
    static final class NoServer extends RuntimeException {
        NoServer(String message) {
            super(message, null, false, false);
        }
    }

    void disconnect(String message) {
        noServer = message;
    }

    public SimClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    public Workstation workstation() {
        return workstation;
    }

    /** What a pipe, a redirection or a heredoc fed kubectl ({@code -f -}); null when nothing was. */
    public String stdin() {
        return stdin;
    }

    public StringBuilder out() {
        return out;
    }

    public StringBuilder err() {
        return err;
    }

    public UserInfo user() {
        return user;
    }

    /** The namespace of {@code -n}, else the current context's, else {@code default}. */
    public String namespace() {
        return namespace;
    }

    /** Whether {@code -n}/{@code --namespace} was given (some verbs refuse a namespace that differs from a file's). */
    public boolean namespaceGiven() {
        return namespaceGiven;
    }

    public Kubeconfig kubeconfig() {
        return kubeconfig;
    }

    /** {@code kubectl create deployment}: the command's path, as help and usage errors name it. */
    public String commandPath() {
        return commandPath;
    }

    void setUser(UserInfo value) {
        user = value;
    }

    void setNamespace(String value, boolean given) {
        namespace = value;
        namespaceGiven = given;
    }

    void setKubeconfig(Kubeconfig value) {
        kubeconfig = value;
    }

    void setCommandPath(String value) {
        commandPath = value;
    }

    /**
     * Waits, in simulated time, until {@code done} holds or {@code timeout} has passed; true if it holds.
     * A blocking kubectl command (rollout status, wait, delete) moves the sandbox's time forward as far
     * as it has to, running what falls due, exactly as if the student had waited that long.
     */
    public boolean waitFor(BooleanSupplier done, Duration timeout) {
        return clock.settle(done, timeout).stable();
    }
}
