package dev.lifeguard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays an upstream stream to the client, never stream-first: model text is held in a
 * {@link ReleaseWindow}, each window is screened (with an overlap of what was already released as
 * context) and only screened text is written. The upstream keeps generating while a window is
 * screened; it is paused when the held text or the client's write queue is full, and cancelled when
 * screening stops the reply, when the client goes away, when screening is unavailable, or when the
 * client's write queue has stayed full for the write-stall timeout (the connection is then closed:
 * a client that stopped reading must not hold an upstream, or the memory queued for it, for longer).
 */
public final class StreamScreener {
  private static final Logger LOG = LoggerFactory.getLogger(StreamScreener.class);

  /** What screening said about a window. */
  public enum Verdict { RELEASE, RELEASE_AND_AUGMENT, STOP }

  /**
   * What to say instead of the model, prepared before the stream starts.
   *
   * @param replacement   written when a stop comes before any text was released
   * @param continuation  written after released text when a later window stops the reply
   * @param augmentation  appended at the end when asked (by policy or by a window's verdict); may be empty
   * @param augmentAlways append it whatever the windows said (the input policy asked for it)
   * @param unavailable   written when screening fails and the operator has not allowed failing open
   */
  public record Plan(String replacement, String continuation, String augmentation, boolean augmentAlways,
      String unavailable, boolean failOpen, boolean includeUsage) {}

  /** How the stream ended, for the usage record and the final chunk's extension. */
  public record Outcome(String ending, boolean augmented, int releasedChars) {}

  static final int OVERLAP_CHARS = 300;
  static final long KEEP_ALIVE_MILLIS = 5_000;
  /** Held text beyond this many windows pauses the upstream. */
  static final int HELD_WINDOWS = 4;

  private final Vertx vertx;
  private final UpstreamStream upstream;
  private final HttpServerResponse response;
  private final ChunkFrames frames;
  private final ReleaseWindow window;
  private final int maxHeld;
  private final Function<String, Future<Verdict>> screen;
  private final Plan plan;
  private final long writeStallMillis;
  private final Promise<Outcome> done = Promise.promise();

  private final StringBuilder recent = new StringBuilder();
  private int releasedChars;
  private boolean screening;
  private boolean reading;
  private boolean upstreamDone;
  private boolean finished;
  private boolean augmentWanted;
  private String finishReason;
  private JsonObject usage;
  private long lastWrite = System.currentTimeMillis();
  private long keepAliveTimer = -1;
  private long stallTimer = -1;

  /**
   * @param screen given the text to judge (overlap + window), says whether it may be released
   * @param writeStall how long the client's write queue may stay full before the client is cut off
   */
  public StreamScreener(Vertx vertx, UpstreamStream upstream, HttpServerResponse response, ChunkFrames frames,
      int windowMin, int windowMax, Duration writeStall, Function<String, Future<Verdict>> screen, Plan plan) {
    this.vertx = vertx;
    this.upstream = upstream;
    this.response = response;
    this.frames = frames;
    this.window = new ReleaseWindow(windowMin, windowMax);
    this.maxHeld = windowMax * HELD_WINDOWS;
    this.screen = screen;
    this.plan = plan;
    this.writeStallMillis = Math.max(1, writeStall.toMillis());
    this.augmentWanted = plan.augmentAlways();
  }

  /** Starts relaying; headers must already be set. Completes when the response has ended. */
  public Future<Outcome> run() {
    response.closeHandler(v -> abandon());
    response.drainHandler(v -> {
      unstalled();
      read();
    });
    keepAliveTimer = vertx.setPeriodic(KEEP_ALIVE_MILLIS, id -> keepAlive());
    write(frames.role());
    read();
    return done.future();
  }

  private void read() {
    if (finished || reading || upstreamDone || window.pendingLength() >= maxHeld) {
      return;
    }
    if (response.writeQueueFull()) {
      stalled();
      return;
    }
    reading = true;
    upstream.next().onComplete(ar -> {
      reading = false;
      if (finished) {
        return;
      }
      if (ar.failed()) {
        upstreamFailed(ar.cause());
        return;
      }
      accept(ar.result());
      screenNext();
      read();
    });
  }

  private void accept(StreamEvent event) {
    if (event.isDone()) {
      upstreamDone = true;
      return;
    }
    // Read the tree the parser already built: this runs for every token, on the event loop.
    JsonNode chunk = ((StreamEvent.Chunk) event).json();
    if (chunk.path("usage").isObject()) {
      usage = new JsonObject(chunk.get("usage").toString());
    }
    JsonNode choice = chunk.path("choices").path(0);
    if (choice.path("index").asInt(0) != 0) {
      return; // another choice (n > 1 from an upstream that ignored its absence): only choice 0 is screened and released
    }
    if (choice.path("finish_reason").isTextual()) {
      finishReason = choice.get("finish_reason").asText();
    }
    JsonNode delta = choice.path("delta");
    if (delta.path("content").isTextual()) {
      window.append(delta.get("content").asText());
    }
    if (delta.hasNonNull("tool_calls")) {
      // Tool calls are read by the app, not shown to the user: passed on as they come.
      write(frames.delta(new JsonObject().put("tool_calls", new JsonArray(delta.get("tool_calls").toString()))));
    }
  }

  private void screenNext() {
    if (finished || screening) {
      return;
    }
    Optional<String> next = window.take();
    if (next.isEmpty() && upstreamDone) {
      String tail = window.drain();
      if (tail.isEmpty()) {
        complete();
        return;
      }
      next = Optional.of(tail);
    }
    if (next.isEmpty()) {
      return;
    }
    String text = next.get();
    screening = true;
    screen.apply(recent + text).onComplete(ar -> {
      screening = false;
      if (finished) {
        return;
      }
      if (ar.failed()) {
        if (plan.failOpen()) {
          release(text);
        } else {
          stop(plan.unavailable(), "screening_unavailable");
          return;
        }
      } else if (ar.result() == Verdict.STOP) {
        stop(releasedChars == 0 ? plan.replacement() : plan.continuation(), "output_replaced");
        return;
      } else {
        augmentWanted |= ar.result() == Verdict.RELEASE_AND_AUGMENT;
        release(text);
      }
      screenNext();
      read();
    });
  }

  private void release(String text) {
    write(frames.content(text));
    releasedChars += text.length();
    recent.append(text);
    if (recent.length() > OVERLAP_CHARS) {
      recent.delete(0, recent.length() - OVERLAP_CHARS);
    }
  }

  private void complete() {
    boolean augmented = augmentWanted && !plan.augmentation().isBlank();
    if (augmented) {
      write(frames.content((releasedChars > 0 ? "\n\n" : "") + plan.augmentation()));
    }
    String ending = augmented ? "augmented" : "released";
    end(finishReason == null ? "stop" : finishReason, ending, augmented, usage);
  }

  /** Screening stopped the reply: the upstream is cancelled and the safe text takes its place. */
  private void stop(String text, String ending) {
    finished = true; // before cancelling: the read in flight fails with CANCELLED and must be ignored
    upstream.cancel();
    write(frames.content((releasedChars > 0 ? "\n\n" : "") + text));
    end("content_filter", ending, false, null);
  }

  private void end(String reason, String ending, boolean augmented, JsonObject upstreamUsage) {
    finished = true;
    write(frames.finish(reason, new JsonObject().put("screening", ending)));
    if (plan.includeUsage()) {
      write(frames.usage(upstreamUsage != null ? upstreamUsage : Completions.noUsage()));
    }
    write(ChunkFrames.DONE);
    response.end();
    finish(new Outcome(ending, augmented, releasedChars));
  }

  /** The upstream failed mid-stream: held text is dropped (it was never screened), the client gets an error event. */
  private void upstreamFailed(Throwable failure) {
    finished = true;
    String message = failure instanceof UpstreamException u ? u.getMessage() : "The upstream model failed";
    write(ChunkFrames.error("The upstream model failed mid-stream: " + message, "upstream_error", "upstream_error"));
    response.end();
    finish(new Outcome("upstream_failed", false, releasedChars));
  }

  /** The client went away: stop the upstream so it stops generating (and costing). */
  private void abandon() {
    if (!finished) {
      finished = true;
      upstream.cancel();
      finish(new Outcome("client_closed", false, releasedChars));
    }
  }

  /** The client's queue is full: unless it drains within the write-stall timeout, the client is cut off. */
  private void stalled() {
    if (stallTimer < 0) {
      stallTimer = vertx.setTimer(writeStallMillis, id -> {
        stallTimer = -1;
        if (!finished && response.writeQueueFull()) {
          cutOff();
        }
      });
    }
  }

  private void unstalled() {
    if (stallTimer >= 0) {
      vertx.cancelTimer(stallTimer);
      stallTimer = -1;
    }
  }

  /** The client has read nothing for the write-stall timeout: the upstream is cancelled and the connection closed. */
  private void cutOff() {
    LOG.info("event=client_write_stalled millis={} released_chars={}", writeStallMillis, releasedChars);
    finished = true;
    upstream.cancel();
    finish(new Outcome("client_stalled", false, releasedChars));
    response.reset(); // on HTTP/1.1 this closes the connection, and with it what is queued for it
  }

  private void keepAlive() {
    if (!finished && System.currentTimeMillis() - lastWrite >= KEEP_ALIVE_MILLIS) {
      write(ChunkFrames.KEEP_ALIVE);
    }
  }

  private void write(io.vertx.core.buffer.Buffer frame) {
    if (!response.closed() && !response.ended()) {
      response.write(frame);
      lastWrite = System.currentTimeMillis();
      if (response.writeQueueFull()) {
        stalled();
      }
    }
  }

  private void finish(Outcome outcome) {
    if (keepAliveTimer >= 0) {
      vertx.cancelTimer(keepAliveTimer);
    }
    unstalled();
    done.tryComplete(outcome);
  }
}
