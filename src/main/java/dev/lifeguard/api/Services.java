package dev.lifeguard.api;

import dev.lifeguard.accounts.KeyAuthenticator;
import dev.lifeguard.accounts.KeyStore;
import dev.lifeguard.accounts.Meter;
import dev.lifeguard.accounts.UsageLog;
import dev.lifeguard.accounts.WindowLimiter;
import dev.lifeguard.classifier.ClassifierClient;
import dev.lifeguard.config.LifeguardConfig;
import dev.lifeguard.proxy.UpstreamClient;
import dev.lifeguard.resources.CrisisDirectory;
import dev.lifeguard.resources.ResourceMatcher;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** What the HTTP side needs, built once at start-up and shared by every HTTP verticle instance. */
public record Services(
    LifeguardConfig config,
    Pool pool,
    KeyStore keys,
    KeyAuthenticator authenticator,
    CrisisDirectory directory,
    JsonBodies json,
    ClassifierClient classifier,
    ResourceMatcher resources,
    UsageLog usage,
    Meter meter,
    WindowLimiter demoLimiter,
    UpstreamClient upstream) {

  public static Services create(Vertx vertx, LifeguardConfig config, Pool pool, ClassifierClient classifier) {
    KeyStore keys = new KeyStore(pool);
    CrisisDirectory directory = new CrisisDirectory(pool);
    return new Services(config, pool, keys, new KeyAuthenticator(keys), directory, new JsonBodies(config.limits()),
        classifier, new ResourceMatcher(directory), new UsageLog(pool), new Meter(pool), TryGate.limiter(config.limits().tryRequestsPerMinute()),
        new UpstreamClient(vertx, config.upstream()));
  }
}
