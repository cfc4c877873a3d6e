package dev.lifeguard.classifier;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.config.InferenceConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker verticle that assesses conversations sent to {@link #ADDRESS}. Requests that arrive
 * together are handled as one batch (bounded by size and wait), so messages shared between them
 * (a chat re-sending its history) are scored once, and results are cached by content.
 *
 * <p>The consumer is cluster-wide: on a clustered Vert.x ({@code --role inference}) gateways on
 * other nodes reach it; on an unclustered one ({@code --role all}) it is local, as before.
 */
public final class ClassifierVerticle extends VerticleBase {
  public static final String ADDRESS = "lifeguard.classifier.assess";
  /** Answers with the model name while an inference node serves: gateways' readiness asks it. */
  public static final String PING_ADDRESS = "lifeguard.classifier.ping";
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierVerticle.class);
  private static final DeliveryOptions REPLY = new DeliveryOptions().setCodecName(ClassifierCodec.NAME);

  private final Classifier classifier;
  private final InferenceConfig config;
  private List<Message<AssessJob>> pending = new ArrayList<>();
  private long flushTimer = -1;
  private MessageConsumer<AssessJob> consumer;

  public ClassifierVerticle(Classifier classifier, InferenceConfig config) {
    this.classifier = classifier;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().consumer(ADDRESS, this::enqueue);
    return consumer.completion();
  }

  /** No new requests, then the ones waiting for a batch are answered rather than left to time out. */
  @Override
  public Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister().andThen(ar -> flush());
  }

  private void enqueue(Message<AssessJob> message) {
    pending.add(message);
    if (pending.size() >= config.maxBatch() || config.batchWait().isZero()) {
      flush();
    } else if (flushTimer < 0) {
      flushTimer = vertx.setTimer(config.batchWait().toMillis(), t -> flush());
    }
  }

  /** Runs on this verticle's worker thread: ONNX and pattern matching never touch an event loop. */
  private void flush() {
    if (flushTimer >= 0) {
      vertx.cancelTimer(flushTimer);
      flushTimer = -1;
    }
    List<Message<AssessJob>> batch = pending;
    pending = new ArrayList<>();
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<Assessment> results = classifier.assessAll(batch.stream().map(Message::body).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).reply(results.get(i), REPLY);
      }
    } catch (RuntimeException e) {
      LOG.error("event=classifier_batch_failed size={} error={}", batch.size(), e.toString(), e);
      batch.forEach(m -> m.fail(500, "classifier failed"));
    }
  }
}
