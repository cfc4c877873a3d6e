package dev.lifeguard.ocular;

import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.classifier.AssessJob;
import dev.lifeguard.classifier.Classifier;
import dev.lifeguard.config.ConfigLoader;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Latency and classifier passes of one Ocular reading per effort level, on one thread, every
 * conversation unique so the per-turn cache helps only where it does in production (a perturbed
 * variant re-scores only the turns it changed). Not a test: command in docs/PERFORMANCE.md.
 */
public final class OcularCost {
  static final int RUNS = 20;

  public static void main(String[] args) {
    try (Classifier classifier = Classifier.load(ConfigLoader.defaults(Map.of()).inference())) {
      Ocular ocular = new Ocular((m, c) -> Future.succeededFuture(classifier.assess(new AssessJob(m, c))), VerdictPolicy.DEFAULT);
      System.out.println("| conversation | effort | passes | p50 ms | p90 ms |");
      System.out.println("|---|---|---|---|---|");
      int[] sizes = {1, 10, 100};
      for (int size : sizes) {
        for (int effort = 1; effort <= 3; effort++) {
          measure(ocular, size, effort);
        }
      }
    }
  }

  private static void measure(Ocular ocular, int size, int effort) {
    OcularOptions options = new OcularOptions(false, Optional.of(effort), Optional.empty(), 1, Optional.empty(),
        Optional.empty(), Optional.empty());
    long[] millis = new long[RUNS];
    int passes = 0;
    for (int run = -3; run < RUNS; run++) {
      List<ChatMessage> chat = conversation(size, size * 1000 + effort * 100 + run);
      long t0 = System.nanoTime();
      OcularReading r = ocular.read(chat, AssessmentContext.unknown(), options, 0).result();
      if (run >= 0) {
        millis[run] = (System.nanoTime() - t0) / 1_000_000;
        passes = r.passes();
      }
    }
    Arrays.sort(millis);
    System.out.printf(Locale.ROOT, "| %d message%s | %d | %d | %d | %d |%n", size, size == 1 ? "" : "s", effort, passes,
        millis[RUNS / 2], millis[RUNS * 9 / 10]);
  }

  private static List<ChatMessage> conversation(int size, int seed) {
    List<ChatMessage> out = new ArrayList<>();
    for (int i = 0; i < size - 1; i++) {
      out.add(new ChatMessage(i % 2 == 0 ? "user" : "assistant", i % 2 == 0
          ? "day " + seed + "." + i + ": work was long, i'm tired and honestly a bit low lately"
          : "That sounds draining (" + seed + "." + i + "). What has been the hardest part?"));
    }
    out.add(new ChatMessage("user", "honestly i don't know how much longer i can keep going like this " + seed));
    return out;
  }
}
