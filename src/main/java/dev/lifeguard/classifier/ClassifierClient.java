package dev.lifeguard.classifier;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.config.InferenceConfig;
import dev.lifeguard.inference.InferenceUnavailable;
import dev.lifeguard.inference.LocalCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side's handle on the classifier: admission control (a bounded number of conversations
 * queued or in progress), a timeout, and failures mapped to {@link InferenceUnavailable}. Safe to
 * share between event loops.
 */
public final class ClassifierClient {
  /** Seconds a client should wait before retrying when the queue is full. */
  static final int RETRY_AFTER_BUSY = 1;
  static final int RETRY_AFTER_DOWN = 5;

  private final Vertx vertx;
  private final InferenceConfig config;
  private final String modelName;
  private final AtomicInteger inFlight = new AtomicInteger();

  public ClassifierClient(Vertx vertx, InferenceConfig config, String modelName) {
    this.vertx = vertx;
    this.config = config;
    this.modelName = modelName;
  }

  /** The model that answers, for {@code metadata.model}. */
  public String modelName() {
    return modelName;
  }

  public Future<Assessment> assess(List<ChatMessage> messages, AssessmentContext context) {
    if (inFlight.incrementAndGet() > config.queueLimit()) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new InferenceUnavailable("The classifier is at capacity. Retry shortly.", RETRY_AFTER_BUSY));
    }
    long characters = messages.stream().mapToLong(m -> m.content().length()).sum();
    DeliveryOptions delivery = new DeliveryOptions().setCodecName(LocalCodec.NAME).setSendTimeout(config.timeoutMillisFor(characters));
    return vertx.eventBus().<Assessment>request(ClassifierVerticle.ADDRESS, new AssessJob(messages, context), delivery)
        .map(reply -> reply.body())
        .recover(ClassifierClient::unavailable)
        .andThen(ar -> inFlight.decrementAndGet());
  }

  public int inFlight() {
    return inFlight.get();
  }

  /** True when new conversations would be turned away with 503. */
  public boolean saturated() {
    return inFlight.get() >= config.queueLimit();
  }

  private static Future<Assessment> unavailable(Throwable failure) {
    String reason = failure instanceof ReplyException reply ? switch (reply.failureType()) {
      case TIMEOUT -> "The classifier did not answer in time. Retry shortly.";
      case NO_HANDLERS -> "The classifier is not running. Retry shortly.";
      default -> "The classifier failed. Retry shortly.";
    } : "The classifier failed. Retry shortly.";
    return Future.failedFuture(new InferenceUnavailable(reason, RETRY_AFTER_DOWN));
  }
}
