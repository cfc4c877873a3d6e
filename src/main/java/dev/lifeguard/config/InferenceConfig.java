package dev.lifeguard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The classifier: where its files are, how many workers run it, and the bounds on its queue. */
public record InferenceConfig(
    int workers,
    int intraOpThreads,
    int maxBatch,
    Duration batchWait,
    int queueLimit,
    Duration timeout,
    Duration timeoutPerKilobyte,
    int cacheEntries,
    int assessmentCacheEntries,
    Path modelsDir,
    Optional<Path> encoderModel,
    Optional<Path> encoderTokenizer) {

  /** One worker per core: each window runs alone (see OnnxTextEncoder), so threads are the parallelism. */
  public static final int DEFAULT_WORKERS = 0;
  public static final int DEFAULT_INTRA_OP_THREADS = 1;
  public static final int DEFAULT_MAX_BATCH = 32;
  public static final int DEFAULT_BATCH_WAIT_MILLIS = 1;
  /** Conversations waiting or in progress; beyond this callers get 503 with Retry-After. */
  public static final int DEFAULT_QUEUE_LIMIT = 512;
  public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
  /**
   * Added to the timeout per KB of conversation text: a maximal request (≈ 500 KB) takes ~18 s of
   * CPU on one core (measured), and must not fail only for being long.
   */
  public static final int DEFAULT_TIMEOUT_PER_KB_MILLIS = 50;
  public static final int DEFAULT_CACHE_ENTRIES = 100_000;
  /** Whole-conversation results: a retried or duplicated request is answered without a worker. */
  public static final int DEFAULT_ASSESSMENT_CACHE_ENTRIES = 10_000;

  /** The time allowed to assess a conversation of this many characters. */
  public long timeoutMillisFor(long characters) {
    return timeout.toMillis() + timeoutPerKilobyte.toMillis() * (characters / 1024);
  }

  public int effectiveWorkers() {
    return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
  }

  static InferenceConfig read(Settings s) {
    Optional<String> model = s.optionalString("inference.encoder_model");
    Optional<String> tokenizer = s.optionalString("inference.encoder_tokenizer");
    if (model.isPresent() != tokenizer.isPresent()) {
      throw s.invalid(model.isPresent() ? "inference.encoder_tokenizer" : "inference.encoder_model", null,
          "encoder_model and encoder_tokenizer must be set together (an ONNX file and its tokenizer.json)");
    }
    return new InferenceConfig(
        s.intIn("inference.workers", 0, 64, DEFAULT_WORKERS),
        s.intIn("inference.intra_op_threads", 1, 64, DEFAULT_INTRA_OP_THREADS),
        s.intIn("inference.max_batch", 1, 1024, DEFAULT_MAX_BATCH),
        s.millis("inference.batch_wait_millis", 0, 100, DEFAULT_BATCH_WAIT_MILLIS),
        s.intIn("inference.queue_limit", 1, 100_000, DEFAULT_QUEUE_LIMIT),
        s.millis("inference.timeout_millis", 100, 120_000, DEFAULT_TIMEOUT_MILLIS),
        s.millis("inference.timeout_per_kb_millis", 0, 10_000, DEFAULT_TIMEOUT_PER_KB_MILLIS),
        s.intIn("inference.cache_entries", 0, 10_000_000, DEFAULT_CACHE_ENTRIES),
        s.intIn("inference.assessment_cache_entries", 0, 1_000_000, DEFAULT_ASSESSMENT_CACHE_ENTRIES),
        Path.of(s.string("inference.models_dir", "models")),
        model.map(Path::of),
        tokenizer.map(Path::of));
  }
}
