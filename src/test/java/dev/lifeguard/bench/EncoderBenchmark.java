package dev.lifeguard.bench;

import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.config.InferenceConfig;
import dev.lifeguard.inference.EncoderSource;
import dev.lifeguard.inference.OnnxTextEncoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The sentence encoder alone (tokeniser + ONNX Runtime + pooling), with the intra-op threads a worker uses (default 1).
 * Compares encoder files without heads trained for them (LIFEGUARD_ENCODER_MODEL and
 * LIFEGUARD_ENCODER_TOKENIZER name another one, e.g. the fp32 MiniLM). Run: see docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-Xss8m"}) // -Xss8m: see ClassifierBenchmark
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class EncoderBenchmark {
  private OnnxTextEncoder encoder;

  @Setup
  public void load() {
    InferenceConfig inference = ConfigLoader.defaults(System.getenv()).inference();
    encoder = OnnxTextEncoder.load(EncoderSource.configured(inference), inference.intraOpThreads());
  }

  @TearDown
  public void close() {
    encoder.close();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(1)
  public List<float[][]> encodeOneMessage() {
    return encoder.encode(List.of(ClassifierBenchmark.MESSAGE));
  }
}
