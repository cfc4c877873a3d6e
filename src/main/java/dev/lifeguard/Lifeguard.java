package dev.lifeguard;

import dev.lifeguard.accounts.UsageRetention;
import dev.lifeguard.api.HttpVerticle;
import dev.lifeguard.classifier.Classifier;
import dev.lifeguard.classifier.ClassifierClient;
import dev.lifeguard.classifier.ClassifierVerticle;
import dev.lifeguard.config.InferenceConfig;
import dev.lifeguard.inference.LocalCodec;
import io.vertx.core.ThreadingModel;
import dev.lifeguard.api.Services;
import dev.lifeguard.config.LifeguardConfig;
import dev.lifeguard.resources.DirectoryImporter;
import dev.lifeguard.store.Database;
import dev.lifeguard.webhooks.DeliveryWorker;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running gateway: Vert.x, the database, the HTTP verticles. Start and stop are blocking (main thread, tests). */
public final class Lifeguard {
  private static final Logger LOG = LoggerFactory.getLogger(Lifeguard.class);
  /** Time beyond the drain grace for closing pools and the embedded database. */
  private static final long CLOSE_MARGIN_MS = 10_000;

  private final LifeguardConfig config;
  private final Vertx vertx;
  private final Database database;
  private final String deploymentId;
  /** The webhook delivery worker, or null when this instance does not deliver. */
  private final String deliveryId;
  private final int port;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private final Classifier classifier;
  private final UsageRetention retention;

  private Lifeguard(LifeguardConfig config, Vertx vertx, Database database, String deploymentId, String deliveryId,
      int port, Classifier classifier, UsageRetention retention) {
    this.deliveryId = deliveryId;
    this.classifier = classifier;
    this.retention = retention;
    this.config = config;
    this.vertx = vertx;
    this.database = database;
    this.deploymentId = deploymentId;
    this.port = port;
  }

  public static Lifeguard start(LifeguardConfig config) {
    Vertx vertx = Vertx.builder().with(vertxOptions()).build();
    Classifier classifier = null;
    Database database = null;
    try {
      database = Database.open(vertx, config.database());
      database.migrate().await(60, TimeUnit.SECONDS);
      DirectoryImporter.importInto(database.pool(), DirectoryImporter.readBundle()).await(60, TimeUnit.SECONDS);
      classifier = Classifier.load(config.inference());
      Classifier loaded = classifier;
      vertx.eventBus().registerCodec(new LocalCodec());
      InferenceConfig inference = config.inference();
      vertx.deployVerticle(() -> new ClassifierVerticle(loaded, inference), new DeploymentOptions()
          .setThreadingModel(ThreadingModel.WORKER)
          .setWorkerPoolName("lifeguard-classifier")
          .setWorkerPoolSize(inference.effectiveWorkers())
          .setInstances(inference.effectiveWorkers())).await(60, TimeUnit.SECONDS);
      Services services = Services.create(vertx, config, database.pool(), new ClassifierClient(vertx, inference, loaded.modelName()));
      UsageRetention retention = new UsageRetention(vertx, database.pool(), config.usage());
      retention.start();
      AtomicInteger port = new AtomicInteger();
      String id = vertx.deployVerticle(() -> new HttpVerticle(services, port::set),
          new DeploymentOptions().setInstances(config.server().effectiveInstances())).await(60, TimeUnit.SECONDS);
      String delivery = config.webhooks().deliver()
          ? vertx.deployVerticle(new DeliveryWorker(database.pool(), config.webhooks())).await(60, TimeUnit.SECONDS)
          : null;
      return new Lifeguard(config, vertx, database, id, delivery, port.get(), classifier, retention);
    } catch (Exception | Error e) {
      if (classifier != null) {
        classifier.close();
      }
      if (database != null) {
        database.closePool();
        database.stopEmbedded();
      }
      vertx.close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
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

  /** Graceful stop: drain HTTP within the grace period, close pools, stop the embedded database. Idempotent. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    long grace = config.server().shutdownGrace().toMillis();
    LOG.info("event=shutdown_started grace_ms={}", grace);
    try {
      vertx.undeploy(deploymentId).await(grace + CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("event=shutdown_drain_incomplete error={}", e.toString());
    }
    if (deliveryId != null) {
      try {
        // Deliveries in flight record their outcome first; any left unrecorded are retried after their lease.
        vertx.undeploy(deliveryId).await(config.webhooks().timeout().toMillis() + CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warn("event=shutdown_delivery_incomplete error={}", e.toString());
      }
    }
    retention.stop();
    try {
      database.closePool().await(CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS);
      vertx.close().await(CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("event=shutdown_close_incomplete error={}", e.toString());
    }
    classifier.close();
    database.stopEmbedded();
    LOG.info("event=shutdown_complete");
  }
}
