package dev.lifeguard.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.lifeguard.config.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PfxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** A clustered Vert.x for {@code --role gateway} and {@code --role inference}: Hazelcast membership, event bus over TCP (TLS when configured). */
public final class Cluster {
  /** The Hazelcast cluster name: keeps Lifeguard nodes apart from any other Hazelcast on the network. */
  static final String NAME = "lifeguard";
  /** Heartbeats this often; a member silent for {@link ClusterConfig#heartbeatTimeout()} is dropped. */
  static final int HEARTBEAT_INTERVAL_SECONDS = 1;
  /** A member dropped by mistake (a long pause) merges back this soon, not after Hazelcast's 5 minutes. */
  static final int MERGE_DELAY_SECONDS = 10;

  private Cluster() {}

  /** Joins (or forms) the cluster. Blocking-free; completes when this node is a member. */
  public static Future<Vertx> join(VertxOptions options, ClusterConfig config) {
    return Vertx.builder()
        .with(options.setEventBusOptions(eventBus(config)))
        .withClusterManager(new HazelcastClusterManager(hazelcast(config)))
        .buildClustered();
  }

  static EventBusOptions eventBus(ClusterConfig config) {
    EventBusOptions options = new EventBusOptions().setHost(config.host()).setPort(config.eventBusPort());
    config.keyStore().ifPresent(file -> {
      PfxOptions key = new PfxOptions().setPath(file.toString()).setPassword(config.keyStorePassword().orElseThrow());
      options.setSsl(true).setKeyCertOptions(key).setTrustOptions(key).setClientAuth(ClientAuth.REQUIRED);
    });
    return options;
  }

  /** Vert.x's own map settings (its default XML), with discovery, liveness and logging set here. */
  static Config hazelcast(ClusterConfig config) {
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(NAME);
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    // Lifeguard's SIGTERM handler leaves the cluster through Vert.x; Hazelcast's own hook would race it.
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", Integer.toString(HEARTBEAT_INTERVAL_SECONDS));
    hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(config.heartbeatTimeout().toSeconds()));
    hazelcast.setProperty("hazelcast.merge.first.run.delay.seconds", Integer.toString(MERGE_DELAY_SECONDS));
    hazelcast.setProperty("hazelcast.merge.next.run.delay.seconds", Integer.toString(MERGE_DELAY_SECONDS));
    hazelcast.setProperty("hazelcast.wait.seconds.before.join", "1");
    // Bind and advertise exactly cluster.host (not every interface of the machine).
    hazelcast.setProperty("hazelcast.local.localAddress", config.host());
    hazelcast.setProperty("hazelcast.socket.bind.any", "false");

    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(config.port()).setPortAutoIncrement(true).setReuseAddress(true);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (config.kubernetesServiceDns().isPresent()) {
      join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", config.kubernetesServiceDns().get());
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(config.members());
    }
    return hazelcast;
  }
}
