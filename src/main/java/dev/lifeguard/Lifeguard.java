package dev.lifeguard;

import dev.lifeguard.accounts.UsageRetention;
import dev.lifeguard.api.HttpVerticle;
import dev.lifeguard.api.Routes;
import dev.lifeguard.api.Services;
import dev.lifeguard.classifier.Classifier;
import dev.lifeguard.classifier.ClassifierClient;
import dev.lifeguard.classifier.ClassifierCodec;
import dev.lifeguard.classifier.ClassifierVerticle;
import dev.lifeguard.cluster.Cluster;
import dev.lifeguard.cluster.Role;
import dev.lifeguard.config.InferenceConfig;
import dev.lifeguard.config.LifeguardConfig;
import dev.lifeguard.reply.ResponseChecker;
import dev.lifeguard.resources.DirectoryImporter;
import dev.lifeguard.store.Database;
import dev.lifeguard.webhooks.DeliveryWorker;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Lifeguard process in one {@link Role}: Vert.x (clustered for gateway and inference), the
 * database, the classifier, the HTTP verticles — each only where the role needs it. Start and stop
 * are blocking (main thread, tests).
 */
public final class Lifeguard {
  private static final Logger LOG = LoggerFactory.getLogger(Lifeguard.class);
  /** Time beyond the drain grace for closing pools and the embedded database. */
  private static final long CLOSE_MARGIN_MS = 10_000;
  private static final long STEP_TIMEOUT_S = 60;

  private final LifeguardConfig config;
  private final Role role;
  private final Parts parts;
  private final int port;
  private final AtomicBoolean stopped = new AtomicBoolean();

  /** What one role started; null where the role has none. Filled in as start-up proceeds, so a failure can close what exists. */
  private static final class Parts {
    Vertx vertx;
    Database database;
    Classifier classifier;
    String classifierId;
    MessageConsumer<String> ping;
    UsageRetention retention;
    String httpId;
    String deliveryId;
  }

  private Lifeguard(LifeguardConfig config, Role role, Parts parts, int port) {
    this.config = config;
    this.role = role;
    this.parts = parts;
    this.port = port;
  }

  /** The whole gateway in one unclustered process ({@code --role all}). */
  public static Lifeguard start(LifeguardConfig config) {
    return start(config, Role.ALL);
  }

  public static Lifeguard start(LifeguardConfig config, Role role) {
    Parts parts = new Parts();
    try {
      parts.vertx = role.clustered()
          ? Cluster.join(vertxOptions(), config.cluster()).await(STEP_TIMEOUT_S, TimeUnit.SECONDS)
          : Vertx.builder().with(vertxOptions()).build();
      Vertx vertx = parts.vertx;
      vertx.eventBus().registerCodec(new ClassifierCodec());
      AtomicInteger port = new AtomicInteger();
      if (role.servesApi()) {
        parts.database = Database.open(vertx, config.database());
        parts.database.migrate().await(STEP_TIMEOUT_S, TimeUnit.SECONDS);
        DirectoryImporter.importInto(parts.database.pool(), DirectoryImporter.readBundle()).await(STEP_TIMEOUT_S, TimeUnit.SECONDS);
      }
      if (role.runsClassifier()) {
        deployClassifier(parts, config.inference());
      }
      if (role.servesApi()) {
        ClassifierClient client = role == Role.GATEWAY
            ? ClassifierClient.remote(vertx, config.inference(), Classifier.modelNameFor(config.inference()))
            : new ClassifierClient(vertx, config.inference(), parts.classifier.modelName());
        Services services = Services.create(vertx, config, parts.database.pool(), client);
        ResponseChecker.load(); // its phrase index takes a moment to build: here, not on an event loop's first reply
        parts.retention = new UsageRetention(vertx, parts.database.pool(), config.usage());
        parts.retention.start();
        parts.httpId = vertx.deployVerticle(() -> new HttpVerticle(services, port::set),
            new DeploymentOptions().setInstances(config.server().effectiveInstances())).await(STEP_TIMEOUT_S, TimeUnit.SECONDS);
        parts.deliveryId = config.webhooks().deliver()
            ? vertx.deployVerticle(new DeliveryWorker(parts.database.pool(), config.webhooks())).await(STEP_TIMEOUT_S, TimeUnit.SECONDS)
            : null;
      } else {
        String model = parts.classifier.modelName();
        parts.ping = vertx.eventBus().consumer(ClassifierVerticle.PING_ADDRESS, message -> message.reply(model));
        parts.ping.completion().await(STEP_TIMEOUT_S, TimeUnit.SECONDS);
        parts.httpId = vertx.deployVerticle(() -> new HttpVerticle(config.server(), Routes::inferenceNode, port::set),
            new DeploymentOptions().setInstances(1)).await(STEP_TIMEOUT_S, TimeUnit.SECONDS);
      }
      if (role.clustered()) {
        LOG.info("event=cluster_joined role={} host={} members={} event_bus_tls={}", role.name().toLowerCase(),
            config.cluster().host(), config.cluster().members(), config.cluster().tls());
      }
      return new Lifeguard(config, role, parts, port.get());
    } catch (Exception | Error e) {
      closeAfterFailedStart(parts);
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static void deployClassifier(Parts parts, InferenceConfig inference) throws TimeoutException {
    parts.classifier = Classifier.load(inference);
    Classifier loaded = parts.classifier;
    parts.classifierId = parts.vertx.deployVerticle(() -> new ClassifierVerticle(loaded, inference), new DeploymentOptions()
        .setThreadingModel(ThreadingModel.WORKER)
        .setWorkerPoolName("lifeguard-classifier")
        .setWorkerPoolSize(inference.effectiveWorkers())
        .setInstances(inference.effectiveWorkers())).await(STEP_TIMEOUT_S, TimeUnit.SECONDS);
  }

  private static void closeAfterFailedStart(Parts parts) {
    if (parts.classifier != null) {
      parts.classifier.close();
    }
    if (parts.database != null) {
      parts.database.closePool();
      parts.database.stopEmbedded();
    }
    if (parts.vertx != null) {
      parts.vertx.close();
    }
  }

  private static VertxOptions vertxOptions() {
    return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true)));
  }

  public int port() {
    return port;
  }

  public LifeguardConfig config() {
    return config;
  }

  public Role role() {
    return role;
  }

  /**
   * Graceful stop, idempotent. An inference node first leaves the classifier address (gateways stop
   * routing to it, and conversations it already holds are answered); then HTTP drains within the
   * grace period; then pools, Vert.x (leaving the cluster) and the embedded database close.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    long grace = config.server().shutdownGrace().toMillis();
    LOG.info("event=shutdown_started role={} grace_ms={}", role.name().toLowerCase(), grace);
    if (parts.ping != null) {
      undeploy("classifier", () -> parts.ping.unregister()
          .compose(v -> parts.vertx.undeploy(parts.classifierId)).await(grace + CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS));
    }
    undeploy("drain", () -> parts.vertx.undeploy(parts.httpId).await(grace + CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS));
    if (parts.deliveryId != null) {
      // Deliveries in flight record their outcome first; any left unrecorded are retried after their lease.
      undeploy("delivery", () -> parts.vertx.undeploy(parts.deliveryId)
          .await(config.webhooks().timeout().toMillis() + CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS));
    }
    if (parts.retention != null) {
      parts.retention.stop();
    }
    undeploy("close", () -> {
      if (parts.database != null) {
        parts.database.closePool().await(CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS);
      }
      parts.vertx.close().await(CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS);
    });
    if (parts.classifier != null) {
      parts.classifier.close();
    }
    if (parts.database != null) {
      parts.database.stopEmbedded();
    }
    LOG.info("event=shutdown_complete");
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void undeploy(String step, Step action) {
    try {
      action.run();
    } catch (Exception e) {
      LOG.warn("event=shutdown_{}_incomplete error={}", step, e.toString());
    }
  }
}
