package io.kubelab.shell;

import io.kubelab.cluster.NodeHost;

import java.util.List;

/** {@code ip addr} (and {@code ip a}, {@code ip addr show}): the node's loopback, eth0 and the CNI bridge. */
final class IpCommand implements Builtin {

    @Override
    public CommandResult run(Shell shell, List<String> args) {
        if (args.isEmpty() || !List.of("a", "addr", "address").contains(args.get(0))) {
            return CommandResult.failure("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
                    + "where  OBJECT := { address | link | route | neigh }\n"
                    + "(the simulation shows addresses: ip addr)\n", 255);
        }
        NodeHost host = shell.sessions().host();
        String ip = host.internalIp();
        String net = ip.substring(0, ip.lastIndexOf('.'));
        String cidr = host.podCidr();
        String podNet = cidr.substring(0, cidr.lastIndexOf('.'));
        String prefix = cidr.substring(cidr.indexOf('/') + 1);
        String[] octets = ip.split("\\.");
        String mac = String.format("52:54:00:%02x:%02x:%02x", Integer.parseInt(octets[1]), Integer.parseInt(octets[2]),
                Integer.parseInt(octets[3]));
        String bridgeMac = String.format("6e:a1:%02x:%02x:%02x:01", Integer.parseInt(octets[1]),
                Integer.parseInt(octets[2]), Integer.parseInt(octets[3]));
        return CommandResult.ok("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n"
                + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
                + "    inet 127.0.0.1/8 scope host lo\n"
                + "       valid_lft forever preferred_lft forever\n"
                + "    inet6 ::1/128 scope host \n"
                + "       valid_lft forever preferred_lft forever\n"
                + "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n"
                + "    link/ether " + mac + " brd ff:ff:ff:ff:ff:ff\n"
                + "    inet " + ip + "/24 brd " + net + ".255 scope global eth0\n"
                + "       valid_lft forever preferred_lft forever\n"
                + "3: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default qlen 1000\n"
                + "    link/ether " + bridgeMac + " brd ff:ff:ff:ff:ff:ff\n"
                + "    inet " + podNet + ".1/" + prefix + " brd " + podNet + ".255 scope global cni0\n"
                + "       valid_lft forever preferred_lft forever\n");
    }
}
