package io.kubelab.shell;

import io.kubelab.cluster.EtcdMembers;
import io.kubelab.cluster.SimCluster;
import io.kubelab.store.raft.MemberStatus;
import io.kubelab.store.raft.RaftCluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sim} commands of an HA control plane's etcd: {@code etcd status}, {@code stop etcd NODE},
 * {@code start etcd NODE}, {@code partition NODE...} and {@code heal}. The table and sentences are ours.
 */
final class SimEtcdCommand {

    static final String USAGE = """
              etcd status               show the etcd members: role, term, vote, leader, commit index, reach
              stop etcd NODE            stop the etcd member on a control-plane node (HA clusters)
              start etcd NODE           start it again
              partition NODE...         cut these etcd members off from the others (HA clusters)
              heal                      reconnect every etcd member
            """;

    private static final List<String> HEADERS = List.of("MEMBER", "STATE", "TERM", "VOTED-FOR", "LEADER", "COMMIT",
            "REACHES");

    private SimEtcdCommand() {
    }

    /** Whether {@code args} (after {@code sim}) is one of these commands. */
    static boolean handles(List<String> args) {
        if (args.isEmpty()) {
            return false;
        }
        String verb = args.get(0);
        return verb.equals("etcd") || verb.equals("partition") || verb.equals("heal")
                || ((verb.equals("stop") || verb.equals("start")) && args.size() == 3 && args.get(1).equals("etcd"));
    }

    static CommandResult run(SimCluster cluster, List<String> args) {
        String verb = args.get(0);
        RaftCluster raft = cluster.etcdMembers().map(EtcdMembers::raft).orElseThrow(() ->
                new IllegalArgumentException(verb + ": this cluster has a single etcd (stop it with sim stop etcd); "
                        + "an HA control plane has one member on each control-plane node"));
        List<String> rest = args.subList(1, args.size());
        return switch (verb) {
            case "etcd" -> {
                if (!rest.equals(List.of("status"))) {
                    throw new IllegalArgumentException("etcd: the one view is sim etcd status");
                }
                yield CommandResult.ok(status(raft));
            }
            case "stop", "start" -> {
                String node = member(raft, verb, rest.get(1));
                if (verb.equals("stop")) {
                    cluster.stop("etcd/" + node);
                } else {
                    cluster.start("etcd/" + node);
                }
                yield CommandResult.ok("etcd on " + node + (verb.equals("stop") ? " stopped.\n" : " started.\n"));
            }
            case "partition" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("partition: name the members to cut off, e.g. sim partition "
                            + raft.memberNames().get(0));
                }
                rest.forEach(node -> member(raft, verb, node));
                if (rest.containsAll(raft.memberNames())) {
                    throw new IllegalArgumentException("partition: leave at least one member on the other side");
                }
                raft.partition(rest);
                yield CommandResult.ok(String.join(", ", rest) + " cut off from the other etcd members.\n");
            }
            case "heal" -> {
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("heal: takes no arguments; it reconnects every member");
                }
                raft.heal();
                yield CommandResult.ok("Every etcd member reaches every other again.\n");
            }
            default -> throw new IllegalArgumentException("unknown etcd command \"" + verb + "\"");
        };
    }

    private static String member(RaftCluster raft, String verb, String node) {
        if (!raft.hasMember(node)) {
            throw new IllegalArgumentException(verb + ": no etcd member on \"" + node + "\"; the members are "
                    + String.join(", ", raft.memberNames()));
        }
        return node;
    }

    static String status(RaftCluster raft) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (MemberStatus m : raft.status()) {
            rows.add(List.of(m.name(), m.running() ? m.role().word() : "stopped", Long.toString(m.term()),
                    m.votedFor().orElse("-"), m.leader().orElse("-"), Long.toString(m.commitIndex()),
                    m.reachable().isEmpty() ? "-" : String.join(",", m.reachable())));
        }
        StringBuilder out = new StringBuilder(table(rows));
        long running = raft.status().stream().filter(MemberStatus::running).count();
        int size = raft.memberNames().size();
        out.append("\nquorum: ").append(raft.hasQuorum() ? "yes" : "no").append(" (")
                .append(size / 2 + 1).append(" of ").append(size).append(" members needed; ").append(running)
                .append(" running)\n");
        out.append("leader: ").append(raft.leader().orElse("none")).append('\n');
        return out.toString();
    }

    /** Columns padded like kubectl's tables: three spaces after the widest cell, none after the last. */
    private static String table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        rows.forEach(r -> {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + (width[i] + 3) + "s", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
