package dev.lifeguard.classifier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.config.InferenceConfig;
import dev.lifeguard.inference.InferenceUnavailable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
  /** True on a gateway: the classifier runs on other nodes of the cluster, which may come and go. */
  private final boolean remote;
  private volatile String modelName;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Finished assessments by a hash of the conversation and its context; no text is kept as a key. */
  private final Cache<String, Assessment> recent;

  /** The client of classifier workers deployed in this process ({@code --role all}). */
  public ClassifierClient(Vertx vertx, InferenceConfig config, String modelName) {
    this(vertx, config, modelName, false);
  }

  private ClassifierClient(Vertx vertx, InferenceConfig config, String modelName, boolean remote) {
    this.vertx = vertx;
    this.config = config;
    this.modelName = modelName;
    this.remote = remote;
    this.recent = Caffeine.newBuilder().maximumSize(config.assessmentCacheEntries()).build();
  }

  /**
   * A gateway's client ({@code --role gateway}): the workers run on inference nodes of the cluster.
   * The model name is the configured one until an inference node tells its own ({@link #reachable}).
   */
  public static ClassifierClient remote(Vertx vertx, InferenceConfig config, String configuredModel) {
    return new ClassifierClient(vertx, config, configuredModel, true);
  }

  /** The model that answers, for {@code metadata.model}. */
  public String modelName() {
    return modelName;
  }

  /**
   * Whether a classifier would take a conversation now. In-process workers are deployed before the
   * server listens, so always; on a gateway, whether an inference node answers a ping in time.
   */
  public Future<Boolean> reachable(long timeoutMillis) {
    if (!remote) {
      return Future.succeededFuture(true);
    }
    return vertx.eventBus().<String>request(ClassifierVerticle.PING_ADDRESS, "", new DeliveryOptions().setSendTimeout(timeoutMillis))
        .map(reply -> {
          modelName = reply.body();
          return true;
        })
        .otherwise(false);
  }

  public Future<Assessment> assess(List<ChatMessage> messages, AssessmentContext context) {
    String key = key(messages, context);
    Assessment known = recent.getIfPresent(key);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return run(messages, context).onSuccess(a -> recent.put(key, a));
  }

  private Future<Assessment> run(List<ChatMessage> messages, AssessmentContext context) {
    if (inFlight.incrementAndGet() > config.queueLimit()) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new InferenceUnavailable("The classifier is at capacity. Retry shortly.", RETRY_AFTER_BUSY));
    }
    long characters = messages.stream().mapToLong(m -> m.content().length()).sum();
    DeliveryOptions delivery = new DeliveryOptions().setCodecName(ClassifierCodec.NAME).setSendTimeout(config.timeoutMillisFor(characters));
    return vertx.eventBus().<Assessment>request(ClassifierVerticle.ADDRESS, new AssessJob(messages, context), delivery)
        .map(reply -> reply.body())
        .recover(ClassifierClient::unavailable)
        .andThen(ar -> inFlight.decrementAndGet());
  }

  /** SHA-256 over the context and every turn, length-prefixed so no two conversations collide by concatenation. */
  static String key(List<ChatMessage> messages, AssessmentContext context) {
    MessageDigest digest = sha256();
    update(digest, context.toString());
    for (ChatMessage m : messages) {
      update(digest, m.role());
      update(digest, m.content());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
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
