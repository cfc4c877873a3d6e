package dev.lifeguard.webhooks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Every address a host name resolves to. The JDK resolver blocks, so it runs on a worker thread. */
@FunctionalInterface
public interface HostResolver {
  Future<List<InetAddress>> resolve(String host);

  static HostResolver system(Vertx vertx) {
    return host -> vertx.executeBlocking(() -> {
      try {
        return List.of(InetAddress.getAllByName(host));
      } catch (UnknownHostException e) {
        return List.<InetAddress>of();
      }
    }, false);
  }
}
