package dev.lifeguard.webhooks;

import dev.lifeguard.config.WebhooksConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the webhook outbox. Every poll interval (and at once while a full batch suggests a
 * backlog) it claims as many due rows as it has room for, up to a batch, and sends each with a
 * bounded number in flight. Several instances may run against one database: claims never overlap.
 * Logs carry ids, statuses and timings only: never a payload, a secret or a receiver URL.
 */
public final class DeliveryWorker extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  /** Beyond the delivery timeout, how long stop waits for in-flight deliveries to record their outcome. */
  private static final long STOP_MARGIN_MS = 2_000;

  private final Pool pool;
  private final WebhooksConfig config;
  private DeliveryQueue queue;
  private Deliverer deliverer;
  private HttpClient client;
  private long timer = -1;
  private boolean polling;
  /** The last claim was full: more rows may be due, so a finished delivery looks again at once. */
  private boolean backlog;
  private boolean stopping;
  private int inFlight;
  private Promise<Void> drained;

  public DeliveryWorker(Pool pool, WebhooksConfig config) {
    this.pool = pool;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    queue = new DeliveryQueue(pool);
    client = vertx.createHttpClient(new HttpClientOptions()
            .setName("lifeguard-webhooks")
            .setKeepAlive(true)
            .setForceSni(true) // connections go to the checked IP address; SNI and certificate checks use the URL's host
            .setVerifyHost(true)
            .setConnectTimeout((int) config.timeout().toMillis())
            .setMaxRedirects(0),
        new PoolOptions().setHttp1MaxSize(config.maxConcurrent()));
    deliverer = new Deliverer(client, HostResolver.system(vertx), new AddressPolicy(config.allowPrivateAddresses()),
        config.timeout());
    timer = vertx.setPeriodic(0, config.pollInterval().toMillis(), id -> poll());
    LOG.info("event=webhook_worker_started max_concurrent={} batch_size={}", config.maxConcurrent(), config.batchSize());
    return Future.succeededFuture();
  }

  /** Stops claiming; waits (bounded) for deliveries in flight to record their outcome, then closes the client. */
  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(timer);
    drained = Promise.promise();
    if (inFlight == 0) {
      drained.tryComplete();
    }
    return drained.future()
        .timeout(config.timeout().toMillis() + STOP_MARGIN_MS, TimeUnit.MILLISECONDS)
        .recover(e -> {
          LOG.warn("event=webhook_worker_stop_incomplete in_flight={}", inFlight);
          return Future.succeededFuture();
        })
        .compose(v -> client.close());
  }

  private void poll() {
    int room = config.maxConcurrent() - inFlight;
    if (stopping || polling || room <= 0) {
      return;
    }
    int wanted = Math.min(room, config.batchSize());
    polling = true;
    queue.claim(wanted, config.lease()).onComplete(result -> {
      polling = false;
      if (result.failed()) {
        LOG.warn("event=webhook_claim_failed error={}", result.cause().toString());
        return;
      }
      List<Delivery> claimed = result.result();
      backlog = claimed.size() == wanted;
      claimed.forEach(this::deliver);
      if (backlog) {
        vertx.runOnContext(v -> poll());
      }
    });
  }

  private void deliver(Delivery d) {
    inFlight++;
    deliverer.send(d)
        .compose(attempt -> record(d, attempt))
        .onComplete(done -> {
          inFlight--;
          if (done.failed()) {
            // The lease runs out and the delivery is tried again: at least once.
            LOG.warn("event=webhook_outcome_not_recorded event_id={} error={}", d.eventId(), done.cause().toString());
          }
          if (stopping) {
            if (inFlight == 0 && drained != null) {
              drained.tryComplete();
            }
          } else if (backlog) {
            poll();
          }
        });
  }

  private Future<Void> record(Delivery d, Attempt attempt) {
    Attempt.Outcome outcome = attempt.outcome(d.attempt(), config.retrySchedule());
    Duration retryAfter = outcome == Attempt.Outcome.RETRY ? Attempt.retryAfter(d.attempt(), config.retrySchedule()) : Duration.ZERO;
    return queue.complete(d, attempt, outcome, retryAfter).map(recorded -> {
      if (!recorded) {
        LOG.warn("event=webhook_claim_lost event_id={} attempt={}", d.eventId(), d.attempt());
      } else if (outcome == Attempt.Outcome.DELIVERED) {
        LOG.info("event=webhook_delivered webhook_id={} event_id={} type={} attempt={} status={} duration_ms={}",
            d.webhookId(), d.eventId(), d.event(), d.attempt(), attempt.httpStatus(), attempt.durationMillis());
      } else {
        LOG.warn("event=webhook_attempt_failed webhook_id={} event_id={} type={} attempt={} outcome={} status={} error=\"{}\" duration_ms={}",
            d.webhookId(), d.eventId(), d.event(), d.attempt(), outcome.name().toLowerCase(), attempt.httpStatus(),
            attempt.error(), attempt.durationMillis());
      }
      return null;
    });
  }
}
