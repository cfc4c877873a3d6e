package dev.lifeguard.webhooks;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one delivery: checks the receiver's addresses again, connects to the address it checked (so
 * a second DNS answer cannot swap in an internal one), signs and POSTs the body, and reads only the
 * status. Redirects are not followed. The whole attempt, DNS included, is bounded by the timeout.
 */
final class Deliverer {
  static final String USER_AGENT = "NOPE-Webhooks/1.0";

  private final HttpClient client;
  private final HostResolver resolver;
  private final AddressPolicy policy;
  private final Duration timeout;

  Deliverer(HttpClient client, HostResolver resolver, AddressPolicy policy, Duration timeout) {
    this.client = client;
    this.resolver = resolver;
    this.policy = policy;
    this.timeout = timeout;
  }

  Future<Attempt> send(Delivery d) {
    long started = System.nanoTime();
    URI uri;
    try {
      uri = policy.parse(d.url());
    } catch (AddressPolicy.Rejected e) {
      return Future.succeededFuture(Attempt.blocked(e.getMessage(), 0));
    }
    String host = AddressPolicy.bareHost(uri);
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    Future<Attempt> attempt = resolver.resolve(host).compose(addresses -> {
      if (addresses.isEmpty()) {
        return Future.succeededFuture(Attempt.unreachable("host " + host + " does not resolve", millisSince(started)));
      }
      var refusal = policy.check(host, addresses);
      if (refusal.isPresent()) {
        return Future.succeededFuture(Attempt.blocked(refusal.get(), millisSince(started)));
      }
      return post(uri, host, addresses.get(0), d, sent).map(status -> Attempt.answered(status, millisSince(started)));
    });
    return attempt.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).recover(failure -> {
      HttpClientRequest request = sent.get();
      if (request != null) {
        request.reset();
      }
      String reason = failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException
          ? "timeout after " + timeout.toMillis() + " ms" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
      return Future.succeededFuture(Attempt.unreachable(reason, millisSince(started)));
    });
  }

  private Future<Integer> post(URI uri, String host, InetAddress address, Delivery d, AtomicReference<HttpClientRequest> sent) {
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setHost(host)
        .setPort(port)
        .setURI(path)
        .setSsl(https)
        .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
        .setFollowRedirects(false)
        .setConnectTimeout(timeout.toMillis())
        .setIdleTimeout(timeout.toMillis());
    Buffer body = d.body();
    long timestamp = System.currentTimeMillis() / 1000;
    return client.request(options).compose(request -> {
      sent.set(request);
      request.putHeader("Content-Type", "application/json")
          .putHeader("User-Agent", USER_AGENT)
          .putHeader("X-NOPE-Signature", Signature.header(d.secret(), timestamp, body.getBytes()))
          .putHeader("X-NOPE-Timestamp", Long.toString(timestamp))
          .putHeader("X-NOPE-Event", d.event())
          .putHeader("X-NOPE-Delivery-ID", d.eventId())
          .putHeader("X-NOPE-Webhook-ID", d.webhookId());
      return request.send(body);
    }).compose(response -> {
      int status = response.statusCode();
      response.handler(ignored -> { }); // the receiver's body is not read or kept: it may echo the payload
      return response.end().map(status);
    });
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
