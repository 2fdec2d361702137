package io.kubelab.shell;

import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code sim}: the student's handle on simulated time and on the control plane's health (DESIGN §3.4).
 * Its words are ours; what it does to the cluster is what real failures do.
 */
final class SimCommand implements Builtin {

    static final Duration DEFAULT_SETTLE_MAX = Duration.ofMinutes(5);
    /** How far one command may move time: a week covers CronJobs and certificates, and bounds the work. */
    static final Duration MAX_STEP = Duration.ofDays(7);
    /** Control-plane components whose stop and start the simulation models so far. */
    static final List<String> STOPPABLE = List.of("apiserver", "controller-manager", "etcd", "scheduler");
    /** Components that run on every node: stopped and started one node at a time. */
    static final List<String> PER_NODE = List.of("kubelet", "kube-proxy");

    static final String USAGE = """
            Usage: sim COMMAND [ARGS]

            Control the simulated cluster's time and components.

            Commands:
              settle [--max DURATION]   advance time until the cluster is stable (at most --max, default 5m)
              advance DURATION          advance simulated time, e.g. 30s, 5m, 1h30m
              time                      print the simulated time and how it runs
              speed FACTOR|instant|realtime
                                        run time FACTOR times faster than the wall clock, or only on demand
              pause                     freeze simulated time
              resume                    let time run again as before the pause
              stop COMPONENT [NODE]     stop a control-plane component (apiserver, controller-manager, etcd,
                                        scheduler)
                                        or a node's kubelet or kube-proxy (sim stop kubelet node01)
                                        or one controller (sim stop controller-manager deployment)
              start COMPONENT [NODE]    start it again
              node NAME fail            the node goes down: its kubelet stops posting status, its
                                        containers die, connections to it time out
              node NAME recover         the node comes back
              node NAME iptables        print the node's iptables rules, as iptables-save would
              node NAME ipvs            print the node's IPVS table, as ipvsadm -Ln would
              curl [-i] URL             a request from outside the cluster to a node IP and NodePort
                                        or a LoadBalancer IP (sim curl http://172.30.2.2:30080/)
              status                    show the clock and which components are stopped
            """ + SimEtcdCommand.USAGE;

    @Override
    public CommandResult run(Shell shell, List<String> args) {
        SimCluster cluster = shell.cluster().orElse(null);
        if (cluster == null) {
            return CommandResult.failure("sim: this shell has no cluster\n", 1);
        }
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            return args.isEmpty() ? CommandResult.failure(USAGE, 2) : CommandResult.ok(USAGE);
        }
        List<String> rest = args.subList(1, args.size());
        try {
            if (SimEtcdCommand.handles(args)) {
                return SimEtcdCommand.run(cluster, args);
            }
            return switch (args.get(0)) {
                case "settle" -> settle(cluster, rest);
                case "advance" -> advance(cluster, rest);
                case "time" -> CommandResult.ok(describeClock(cluster) + "\n");
                case "speed" -> speed(cluster, rest);
                case "pause" -> {
                    cluster.pause();
                    yield CommandResult.ok("Simulated time paused at " + ObjectMeta.time(cluster.clock().now()) + ".\n");
                }
                case "resume" -> {
                    cluster.resume();
                    yield CommandResult.ok("Simulated time resumed: " + mode(cluster.clock()) + ".\n");
                }
                case "stop", "start" -> component(cluster, args.get(0), rest);
                case "status" -> status(cluster);
                case "node" -> node(cluster, rest);
                case "curl" -> SimCurl.run(cluster, rest);
                default -> CommandResult.failure("sim: unknown command \"" + args.get(0) + "\"\n" + USAGE, 2);
            };
        } catch (IllegalArgumentException e) {
            return CommandResult.failure("sim: " + e.getMessage() + "\n", 2);
        }
    }

    private static CommandResult settle(SimCluster cluster, List<String> args) {
        Duration max = DEFAULT_SETTLE_MAX;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--max") && i + 1 < args.size()) {
                max = GoDuration.parse(args.get(++i));
            } else if (arg.startsWith("--max=")) {
                max = GoDuration.parse(arg.substring("--max=".length()));
            } else {
                throw new IllegalArgumentException("settle: unexpected argument \"" + arg + "\"");
            }
        }
        checkStep("settle --max", max);
        SimClock.Settled settled = cluster.clock().settle(cluster::stable, max);
        String elapsed = GoDuration.format(settled.elapsed());
        return settled.stable()
                ? CommandResult.ok("Settled after " + elapsed + " of simulated time.\n")
                : CommandResult.failure("Not settled after " + elapsed + " of simulated time; "
                + "the cluster is still changing (raise --max to wait longer).\n", 1);
    }

    private static CommandResult advance(SimCluster cluster, List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("advance: give one duration, e.g. sim advance 30s");
        }
        Duration by = GoDuration.parse(args.get(0));
        if (by.isNegative()) {
            throw new IllegalArgumentException("advance: time only moves forward");
        }
        checkStep("advance", by);
        cluster.clock().advance(by);
        return CommandResult.ok("Advanced " + GoDuration.format(by) + "; simulated time is now "
                + ObjectMeta.time(cluster.clock().now()) + ".\n");
    }

    private static void checkStep(String what, Duration step) {
        if (step.compareTo(MAX_STEP) > 0) {
            throw new IllegalArgumentException(what + ": at most " + GoDuration.format(MAX_STEP) + " at a time");
        }
    }

    private static CommandResult speed(SimCluster cluster, List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("speed: give a factor (e.g. 10), instant or realtime");
        }
        String value = args.get(0).toLowerCase(Locale.ROOT);
        switch (value) {
            case "instant" -> cluster.clock().instant();
            case "realtime" -> cluster.clock().realtime(1);
            default -> {
                double factor;
                try {
                    factor = Double.parseDouble(value.endsWith("x") ? value.substring(0, value.length() - 1) : value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("speed: \"" + args.get(0) + "\" is not a number, instant or realtime");
                }
                if (!(factor > 0) || factor > 10_000) {
                    throw new IllegalArgumentException("speed: the factor must be above 0 and at most 10000");
                }
                cluster.clock().realtime(factor);
            }
        }
        return CommandResult.ok("Simulated time now runs " + mode(cluster.clock()) + ".\n");
    }

    private static CommandResult node(SimCluster cluster, List<String> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("node: give a node and what to show, e.g. sim node node01 iptables");
        }
        String node = knownNode(cluster, args.get(0));
        return switch (args.get(1)) {
            case "fail" -> {
                cluster.stop("node/" + node);
                yield CommandResult.ok("Node " + node + " failed: it no longer answers, and its kubelet stops posting "
                        + "status.\n");
            }
            case "recover" -> {
                cluster.start("node/" + node);
                yield CommandResult.ok("Node " + node + " is back; its kubelet starts again.\n");
            }
            case "iptables" -> CommandResult.ok(cluster.proxy(node).orElseThrow().iptablesSave());
            case "ipvs" -> CommandResult.ok(cluster.proxy(node).orElseThrow().ipvsList());
            default -> throw new IllegalArgumentException("node: unknown action \"" + args.get(1)
                    + "\"; one of: fail, recover, iptables, ipvs");
        };
    }

    private static String knownNode(SimCluster cluster, String node) {
        List<String> nodes = cluster.spec().nodes().stream().map(ClusterSpec.NodeSpec::name).toList();
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException("no node \"" + node + "\"; the nodes are " + String.join(", ", nodes));
        }
        return node;
    }

    private static CommandResult component(SimCluster cluster, String verb, List<String> args) {
        if (args.size() == 2 && args.get(0).equals("controller-manager")) {
            String controller = args.get(1);
            if (!cluster.controllerNames().contains(controller)) {
                throw new IllegalArgumentException(verb + ": kube-controller-manager has no controller \"" + controller
                        + "\"; its controllers are " + String.join(", ", cluster.controllerNames()));
            }
            if (verb.equals("stop")) {
                cluster.stop("controller-manager/" + controller);
            } else {
                cluster.start("controller-manager/" + controller);
            }
            return CommandResult.ok("The " + controller + " controller of kube-controller-manager "
                    + (verb.equals("stop") ? "stopped.\n" : "started.\n"));
        }
        if (args.size() == 2 && PER_NODE.contains(args.get(0))) {
            String component = args.get(0) + "/" + knownNode(cluster, args.get(1));
            if (verb.equals("start") && cluster.isStopped("node/" + args.get(1))) {
                throw new IllegalArgumentException("start: node " + args.get(1) + " is down; bring it back with sim node "
                        + args.get(1) + " recover");
            }
            if (verb.equals("stop")) {
                cluster.stop(component);
            } else {
                cluster.start(component);
            }
            return CommandResult.ok(args.get(0) + " on " + args.get(1) + (verb.equals("stop") ? " stopped.\n" : " started.\n"));
        }
        if (args.size() != 1) {
            throw new IllegalArgumentException(verb + ": name one component: " + String.join(", ", STOPPABLE)
                    + ", or kube-proxy and a node");
        }
        String component = args.get(0);
        if (PER_NODE.contains(component)) {
            throw new IllegalArgumentException(verb + ": name the node too, e.g. sim " + verb + " " + component + " node01");
        }
        if (!STOPPABLE.contains(component)) {
            throw new IllegalArgumentException(verb + ": unknown component \"" + component + "\"; one of: "
                    + String.join(", ", STOPPABLE));
        }
        if (verb.equals("stop")) {
            cluster.stop(component);
            return CommandResult.ok(component + " stopped.\n");
        }
        cluster.start(component);
        return CommandResult.ok(component + " started.\n");
    }

    private static CommandResult status(SimCluster cluster) {
        String row = "%-" + (STOPPABLE.stream().mapToInt(String::length).max().orElse(0) + 2) + "s%s%n";
        StringBuilder out = new StringBuilder(String.format(row, "clock:", describeClock(cluster)));
        for (String component : STOPPABLE) {
            String state = cluster.isStopped(component) ? "stopped" : "running";
            if (component.equals("controller-manager")) {
                List<String> off = cluster.controllerNames().stream()
                        .filter(c -> cluster.isStopped("controller-manager/" + c)).toList();
                if (!off.isEmpty()) {
                    state += " (stopped: " + String.join(", ", off) + ")";
                }
            }
            out.append(String.format(row, component + ":", state));
        }
        for (ClusterSpec.NodeSpec node : cluster.spec().nodes()) {
            StringBuilder line = new StringBuilder();
            if (cluster.isStopped("node/" + node.name())) {
                line.append("failed");
            }
            for (String component : PER_NODE) {
                if (!cluster.isStopped("node/" + node.name())) {
                    line.append(line.length() == 0 ? "" : ", ").append(component).append(' ')
                            .append(cluster.isStopped(component + "/" + node.name()) ? "stopped" : "running");
                }
            }
            out.append(String.format(row, node.name() + ":", line));
        }
        return CommandResult.ok(out.toString());
    }

    static String describeClock(SimCluster cluster) {
        return ObjectMeta.time(cluster.clock().now()) + " (" + mode(cluster.clock()) + ")";
    }

    private static String mode(SimClock clock) {
        return switch (clock.mode()) {
            case PAUSED -> "paused";
            case INSTANT -> "instant: time jumps to the next event";
            case REALTIME -> clock.speed() == 1.0 ? "realtime" : "realtime at " + trim(clock.speed()) + "x";
        };
    }

    private static String trim(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }
}
