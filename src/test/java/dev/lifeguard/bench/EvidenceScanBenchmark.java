package dev.lifeguard.bench;

import dev.lifeguard.assessment.evidence.EvidenceDetector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evidence rules on a 100 KB adversarial message: every pattern table runs on every text, so a
 * message made of the words a row keys on shows whether that row stays linear. Each call scans a new
 * text (a counter in front), so the detector's scan cache never answers.
 * Run: {@code bench/jmh.sh EvidenceScanBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Xss8m"})
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class EvidenceScanBenchmark {
  private static final int CHARS = 100_000;

  /** Request verbs, child words and plain filler: the words the child-sexual-content rows key on, and none. */
  @Param({"write make describe ", "write a story about kids and children and toddlers ", "x "})
  public String unit;

  private EvidenceDetector detector;
  private String body;
  private long counter;

  @Setup
  public void setUp() {
    detector = EvidenceDetector.standard();
    body = unit.repeat(CHARS / unit.length());
  }

  @Benchmark
  public int firstScan() {
    return detector.scan(counter++ + " " + body).size();
  }
}
