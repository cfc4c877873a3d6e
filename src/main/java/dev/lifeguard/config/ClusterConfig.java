package dev.lifeguard.config;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Vert.x cluster that {@code --role gateway} and {@code --role inference} processes join
 * (Hazelcast, TCP-IP discovery or Kubernetes DNS). An {@code --role all} instance reads none of it.
 *
 * @param host                  the address this node binds and advertises, for Hazelcast and the event bus
 * @param port                  Hazelcast's port (the next free one above it when taken)
 * @param eventBusPort          the event bus's port; 0 = any free port
 * @param members               where to look for the cluster: {@code host} or {@code host:port} entries
 * @param kubernetesServiceDns  a headless Service's DNS name: discover members through it instead of {@code members}
 * @param heartbeatTimeout      a member silent this long is dropped, and its classifier with it
 * @param keyStore              PKCS#12 file with this cluster's key and certificate: event-bus TLS with client
 *                              authentication (every node holds the same file, so it is both key and trust)
 * @param keyStorePassword      its password
 */
public record ClusterConfig(
    String host,
    int port,
    int eventBusPort,
    List<String> members,
    Optional<String> kubernetesServiceDns,
    Duration heartbeatTimeout,
    Optional<Path> keyStore,
    Optional<String> keyStorePassword) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;
  public static final int DEFAULT_EVENT_BUS_PORT = 0;
  /** Without a port Hazelcast tries 5701–5703: a gateway and inference nodes on one machine find each other. */
  public static final List<String> DEFAULT_MEMBERS = List.of("127.0.0.1");
  /** Short, so a dead inference node stops receiving conversations within seconds (Hazelcast's default is 60). */
  public static final int DEFAULT_HEARTBEAT_TIMEOUT_SECONDS = 5;
  /** Addresses where event-bus traffic never leaves the machine, so plaintext is acceptable. */
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
  private static final String MEMBER = "[A-Za-z0-9._\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?";

  public ClusterConfig {
    members = List.copyOf(members);
  }

  static ClusterConfig read(Settings s) {
    List<String> members = s.stringList("cluster.members");
    for (String member : members) {
      if (!member.matches(MEMBER)) {
        throw s.invalid("cluster.members", TextNode.valueOf(member), "must be a list of host or host:port entries");
      }
    }
    Optional<String> keyStore = s.optionalString("cluster.key_store");
    Optional<String> password = s.optionalString("cluster.key_store_password");
    if (keyStore.isPresent() && password.isEmpty()) {
      throw s.invalid("cluster.key_store_password", null, "must be set when cluster.key_store is");
    }
    if (keyStore.isPresent() && !Files.isRegularFile(Path.of(keyStore.get()))) {
      throw s.invalid("cluster.key_store", TextNode.valueOf(keyStore.get()), "must be a readable PKCS#12 file");
    }
    String host = s.string("cluster.host", DEFAULT_HOST);
    if (keyStore.isEmpty() && !LOOPBACK.contains(host)) {
      throw s.invalid("cluster.host", TextNode.valueOf(host),
          "a non-loopback address needs cluster.key_store (conversation text crosses the network)");
    }
    return new ClusterConfig(
        host,
        s.intIn("cluster.port", 1, 65535, DEFAULT_PORT),
        s.intIn("cluster.event_bus_port", 0, 65535, DEFAULT_EVENT_BUS_PORT),
        members.isEmpty() ? DEFAULT_MEMBERS : members,
        s.optionalString("cluster.kubernetes_service_dns"),
        s.seconds("cluster.heartbeat_timeout_seconds", 2, 300, DEFAULT_HEARTBEAT_TIMEOUT_SECONDS),
        keyStore.map(Path::of),
        password);
  }

  /** Whether event-bus traffic (which carries conversation text) is encrypted. */
  public boolean tls() {
    return keyStore.isPresent();
  }

  @Override
  public String toString() {
    return "ClusterConfig[host=" + host + ", port=" + port + ", eventBusPort=" + eventBusPort + ", members=" + members
        + ", kubernetesServiceDns=" + kubernetesServiceDns.orElse("(none)") + ", heartbeatTimeout=" + heartbeatTimeout
        + ", keyStore=" + keyStore.map(Path::toString).orElse("(none)") + "]";
  }
}
