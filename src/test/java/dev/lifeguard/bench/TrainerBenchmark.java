package dev.lifeguard.bench;

import dev.lifeguard.training.learn.BinaryModel;
import dev.lifeguard.training.learn.LogisticRegression;
import dev.lifeguard.training.learn.Mlp;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The training command's two inner loops at the shipped shapes (1,172 inputs: three encoder layers and
 * the lexicon logits), one thread: an epoch of the risk/type MLP (256 hidden units, ten outputs,
 * batches of 64) and a fixed number of L-BFGS iterations of one linear head. Together they were about
 * 80% of a profiled `train` run. Random inputs: the arithmetic, not the data, sets the time.
 * Run: see docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 20)
public class TrainerBenchmark {
  private static final int ROWS = 2048;
  private static final int INPUTS = 1172;
  private static final int OUTPUTS = 10;

  private float[][] x;
  private double[][] y;
  private double[] risk;
  private double[] weights;

  @Setup
  public void data() {
    Random r = new Random(7);
    x = new float[ROWS][INPUTS];
    y = new double[ROWS][OUTPUTS];
    risk = new double[ROWS];
    boolean[] positive = new boolean[ROWS];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < INPUTS; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
      for (int c = 0; c < OUTPUTS; c++) {
        y[i][c] = x[i][c] + 0.5 * x[i][c + OUTPUTS] > 0 ? 1 : 0;
      }
      risk[i] = y[i][0];
      positive[i] = risk[i] > 0;
    }
    weights = LogisticRegression.balancedWeights(positive);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(1)
  public Mlp.Model mlpEpoch() {
    return Mlp.fit(x, y, 1, new Mlp.Options(256, 0.05, 1e-3, 64, 7), null);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(1)
  public BinaryModel linearHead() {
    return LogisticRegression.fit(x, risk, weights, 0.01, 40);
  }
}
