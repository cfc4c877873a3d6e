package dev.lifeguard.bench;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.classifier.AssessJob;
import dev.lifeguard.classifier.Classifier;
import dev.lifeguard.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole assessor (tokeniser, encoder, probe heads, evidence rules) on this machine. Every
 * message is made unique so the content cache never answers; {@code resentHistory} measures the
 * case the cache exists for. Run: see docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
// -Xss8m: JMH's forked VM died with SIGSEGV (exit 139) inside native code at the default stack size;
// plain threads at 256 KiB, the server's worker verticles and the tests do not, so only the harness gets it.
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-Xss8m"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class ClassifierBenchmark {
  /** About 20 tokens, as the issue's latency target specifies. */
  static final String MESSAGE = "honestly i don't know how much longer i can keep going like this, everything feels heavy";

  private final AtomicLong counter = new AtomicLong();
  private Classifier classifier;
  private List<ChatMessage> history;

  @Setup
  public void load() {
    // The environment can name another encoder and heads (LIFEGUARD_ENCODER_MODEL, LIFEGUARD_MODELS_DIR) to compare them.
    classifier = Classifier.load(ConfigLoader.defaults(System.getenv()).inference());
    history = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      history.add(new ChatMessage(i % 2 == 0 ? "user" : "assistant", "turn " + i + " of a long chat about work, sleep and friends"));
    }
  }

  @TearDown
  public void close() {
    classifier.close();
  }

  private Assessment one() {
    String text = MESSAGE + " #" + counter.incrementAndGet();
    return classifier.assess(new AssessJob(List.of(new ChatMessage("user", text)), AssessmentContext.unknown()));
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(1)
  public Assessment singleMessageLatency() {
    return one();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Assessment throughputTwoThreads() {
    return one();
  }

  /** A chat re-sending 10 turns of history with one new user turn: only the new turn is computed. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(1)
  public Assessment resentHistory() {
    List<ChatMessage> chat = new ArrayList<>(history);
    chat.add(new ChatMessage("user", MESSAGE + " #" + counter.incrementAndGet()));
    return classifier.assess(new AssessJob(chat, AssessmentContext.unknown()));
  }
}
