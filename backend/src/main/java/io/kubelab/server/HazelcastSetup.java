package io.kubelab.server;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;

import java.util.UUID;

/**
 * The Hazelcast member configuration, built in code. Both modes join by TCP-IP over the addresses
 * named here only: no multicast, no cloud auto-detection, no phone-home, no binding to every interface.
 */
final class HazelcastSetup {

    static final String CLUSTER_NAME = "kubelab";

    private HazelcastSetup() {
    }

    static Config config(ServerConfig server) {
        Config config = new Config();
        // A lone member gets a name of its own, so two servers on one machine never merge by accident.
        config.setClusterName(server.clustered() ? CLUSTER_NAME : CLUSTER_NAME + "-embedded-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Our own shutdown sequence drains HTTP first and then leaves the cluster.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.getJetConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(server.hazelcastPort());
        // Embedded, another process may hold 5701; clustered, members must be where the list says.
        network.setPortAutoIncrement(!server.clustered());
        network.getInterfaces().setEnabled(true).addInterface(server.hazelcastHost());

        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        if (server.clustered()) {
            server.clusterMembers().forEach(join.getTcpIpConfig()::addMember);
        } else {
            // Only itself: a lone member must not probe neighbouring ports for company.
            join.getTcpIpConfig().addMember(server.hazelcastHost() + ":" + server.hazelcastPort());
        }

        int backups = server.backupCount();
        // What Vert.x's own default configuration declares for its structures.
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(backups)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(backups));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(backups));
        config.addMapConfig(new MapConfig("kubelab.*").setBackupCount(backups));
        config.addMapConfig(new MapConfig("vertx-web.sessions").setBackupCount(backups));
        return config;
    }
}
