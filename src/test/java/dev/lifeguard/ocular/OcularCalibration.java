package dev.lifeguard.ocular;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.assessment.TurnState;
import dev.lifeguard.classifier.AssessJob;
import dev.lifeguard.classifier.Classifier;
import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.quality.EvalCommand;
import dev.lifeguard.quality.EvalItem;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.OcularAxis;
import dev.lifeguard.training.Examples;
import dev.lifeguard.training.Split;
import dev.lifeguard.training.TrainingOptions;
import dev.lifeguard.training.corpus.Conversation;
import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.CorpusLoader;
import dev.lifeguard.training.corpus.LabeledMessage;
import dev.lifeguard.training.corpus.Turn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures Ocular's level thresholds on the labelled sets and prints the numbers docs/OCULAR.md
 * records. Not a test: run it when the heads or the thresholds change (command in docs/OCULAR.md).
 *
 * <p>User axes: every held-out corpus message is scored as a single user turn; a labelled type gives
 * (its severity, its axis score) pairs, a no-risk message gives (none, its highest axis score). For
 * each rung the cut that best separates "at least this severity" from "below it" (Youden's J) is
 * reported, with the measured rates at the current constants. AI axes: the assistant turns of the
 * held-out conversations, scored in context, against their labelled concerns.
 */
public final class OcularCalibration {
  private static final List<String> SEVERITIES = List.of("none", "mild", "moderate", "high", "critical");

  record Pair(int severity, double score, Level level) {}

  public static void main(String[] args) throws Exception {
    try (Classifier classifier = Classifier.load(ConfigLoader.defaults(Map.of()).inference())) {
      Corpus corpus = CorpusLoader.fromClasspath(CorpusLoader.Strictness.STRICT);
      Set<String> held = Split.heldOut(Examples.from(corpus).strata(), TrainingOptions.DEFAULT_HELD_OUT_FRACTION);
      userAxes(classifier, corpus, held);
      aiAxes(classifier, corpus, held);
      for (String arg : args) {
        evalSet(classifier, Path.of(arg));
      }
    }
  }

  private static Assessment assess(Classifier c, List<ChatMessage> messages) {
    return c.assess(new AssessJob(messages, AssessmentContext.unknown()));
  }

  private static void userAxes(Classifier classifier, Corpus corpus, Set<String> held) {
    List<Pair> pairs = new ArrayList<>();
    Map<OcularAxis, List<Pair>> byAxis = new EnumMap<>(OcularAxis.class);
    int benign = 0;
    int benignWatch = 0;
    for (LabeledMessage m : corpus.messages()) {
      if (!held.contains(m.id())) {
        continue;
      }
      AxisScores s = AxisScores.of(assess(classifier, List.of(new ChatMessage("user", m.text()))));
      if (!m.labels().risk()) {
        pairs.add(new Pair(0, s.topUser(), top(VerdictPolicy.DEFAULT.userLevels(s).values())));
        benign++;
        benignWatch += VerdictPolicy.DEFAULT.verdict(s) != Verdict.CLEAR ? 1 : 0;
        continue;
      }
      for (OcularAxis axis : OcularAxis.values()) {
        if (m.labels().types().contains(axis.riskType().wireName())) {
          Pair p = new Pair(m.labels().severity(), s.user(axis), VerdictPolicy.DEFAULT.userLevels(s).get(axis));
          pairs.add(p);
          byAxis.computeIfAbsent(axis, a -> new ArrayList<>()).add(p);
        }
      }
    }
    System.out.printf(Locale.ROOT, "## User axes: %d (severity, score) pairs from the held-out split%n%n", pairs.size());
    System.out.println("| labelled severity | n | p10 | median | p90 |");
    System.out.println("|---|---|---|---|---|");
    for (int sev = 0; sev < SEVERITIES.size(); sev++) {
      int level = sev;
      List<Double> scores = pairs.stream().filter(p -> p.severity() == level).map(Pair::score).sorted().toList();
      System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", SEVERITIES.get(sev), scores.size(),
          q(scores, 0.1), q(scores, 0.5), q(scores, 0.9));
    }
    LevelThresholds t = LevelThresholds.USER;
    List<double[]> presence = pairs.stream().map(p -> new double[] {p.score(), p.severity() >= 1 ? 1 : 0}).toList();
    double[] best = youden(presence);
    List<Double> none = pairs.stream().filter(p -> p.severity() == 0).map(Pair::score).sorted().toList();
    System.out.printf(Locale.ROOT, "%nRisk present vs not: Youden-best cut %.3f (J %.3f). No-risk top score: p80 %.3f, p90 %.3f, "
        + "p95 %.3f, p98 %.3f, p99.5 %.3f%n", best[0], best[1], q(none, 0.8), q(none, 0.9), q(none, 0.95), q(none, 0.98),
        q(none, 0.995));
    System.out.println("\n| cut | current | TPR (risk present) | FPR (no risk) |");
    System.out.println("|---|---|---|---|");
    double[] current = {t.low(), t.moderate(), t.high(), t.critical()};
    for (int rung = 0; rung < 4; rung++) {
      double[] at = rates(presence, current[rung]);
      System.out.printf(Locale.ROOT, "| %s | %.2f | %.3f | %.3f |%n", Level.values()[rung + 1].wireName(), current[rung], at[0], at[1]);
    }
    System.out.println("\nLevel given (score rung or clinical grade, whichever is higher) by labelled severity:\n");
    System.out.println("| labelled \\ level | minimal | low | moderate | high | critical |");
    System.out.println("|---|---|---|---|---|---|");
    for (int sev = 0; sev < SEVERITIES.size(); sev++) {
      int[] counts = new int[Level.values().length];
      int level = sev;
      pairs.stream().filter(p -> p.severity() == level).forEach(p -> counts[p.level().ordinal()]++);
      System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", SEVERITIES.get(sev), counts[0], counts[1], counts[2],
          counts[3], counts[4]);
    }
    System.out.printf(Locale.ROOT, "%nNo-risk held-out messages given watch or danger: %d of %d (%.1f%%)%n%n", benignWatch,
        benign, 100.0 * benignWatch / Math.max(1, benign));
    System.out.println("| axis | positives | median score | share at moderate or above |");
    System.out.println("|---|---|---|---|");
    byAxis.forEach((axis, list) -> {
      List<Double> scores = list.stream().map(Pair::score).sorted().toList();
      long atModerate = scores.stream().filter(v -> v >= t.moderate()).count();
      System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.2f |%n", axis.wireName(), scores.size(), q(scores, 0.5),
          (double) atModerate / scores.size());
    });
  }

  private static void aiAxes(Classifier classifier, Corpus corpus, Set<String> held) {
    Map<String, List<double[]>> byConcern = new java.util.LinkedHashMap<>();
    List<double[]> pooled = new ArrayList<>();
    int turns = 0;
    for (Conversation c : corpus.conversations()) {
      if (!held.contains(c.id())) {
        continue;
      }
      Assessment a = assess(classifier, c.chat());
      for (TurnState state : a.turns()) {
        Turn turn = c.turns().get(state.message());
        if (turn.isUser()) {
          continue;
        }
        turns++;
        for (AiConcern concern : AiConcern.values()) {
          double[] p = {state.aiConcerns().getOrDefault(concern, 0.0), turn.concerns().contains(concern.wireName()) ? 1 : 0};
          byConcern.computeIfAbsent(concern.wireName(), k -> new ArrayList<>()).add(p);
          pooled.add(p);
        }
      }
    }
    LevelThresholds t = LevelThresholds.AI;
    System.out.printf(Locale.ROOT, "%n## AI-concern axes: %d assistant turns of held-out conversations%n%n", turns);
    System.out.println("| concern | positives | median (positive) | p95 (negative) | Youden-best cut | TPR / FPR at moderate | TPR / FPR at high |");
    System.out.println("|---|---|---|---|---|---|---|");
    byConcern.put("(pooled)", pooled);
    for (Map.Entry<String, List<double[]>> e : byConcern.entrySet()) {
      List<double[]> list = e.getValue();
      List<Double> pos = list.stream().filter(p -> p[1] == 1).map(p -> p[0]).sorted().toList();
      List<Double> neg = list.stream().filter(p -> p[1] == 0).map(p -> p[0]).sorted().toList();
      double[] best = youden(list);
      double[] mod = rates(list, t.moderate());
      double[] high = rates(list, t.high());
      System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.2f / %.3f | %.2f / %.3f |%n",
          e.getKey(), pos.size(), q(pos, 0.5), q(neg, 0.95), best[0],
          mod[0], mod[1], high[0], high[1]);
    }
  }

  private static void evalSet(Classifier classifier, Path file) throws Exception {
    List<EvalItem> items = EvalCommand.read(file);
    int[] verdicts = new int[3];
    int positives = 0;
    for (EvalItem item : items) {
      if (!item.positive()) {
        continue;
      }
      positives++;
      verdicts[VerdictPolicy.DEFAULT.verdict(AxisScores.of(assess(classifier, List.of(new ChatMessage("user", item.text())))))
          .ordinal()]++;
    }
    System.out.printf(Locale.ROOT, "%n%s: %d labelled-risk items: clear %d, watch %d, danger %d%n", file.getFileName(),
        positives, verdicts[0], verdicts[1], verdicts[2]);
  }

  private static Level top(java.util.Collection<Level> levels) {
    return levels.stream().max(Enum::compareTo).orElse(Level.MINIMAL);
  }

  /** The cut maximising TPR − FPR over {score, label} pairs: {cut, J}. */
  static double[] youden(List<double[]> pairs) {
    List<double[]> sorted = new ArrayList<>(pairs);
    sorted.sort((a, b) -> Double.compare(a[0], b[0]));
    double bestCut = 1;
    double bestJ = -1;
    for (int i = 0; i < sorted.size(); i++) {
      double cut = i == 0 ? sorted.get(0)[0] : (sorted.get(i - 1)[0] + sorted.get(i)[0]) / 2;
      double[] r = rates(sorted, cut);
      if (r[0] - r[1] > bestJ) {
        bestJ = r[0] - r[1];
        bestCut = cut;
      }
    }
    return new double[] {bestCut, bestJ};
  }

  /** {TPR, FPR} of "score at or above cut". */
  static double[] rates(List<double[]> pairs, double cut) {
    double tp = 0;
    double fp = 0;
    double p = 0;
    double n = 0;
    for (double[] x : pairs) {
      if (x[1] == 1) {
        p++;
        tp += x[0] >= cut ? 1 : 0;
      } else {
        n++;
        fp += x[0] >= cut ? 1 : 0;
      }
    }
    return new double[] {p == 0 ? 0 : tp / p, n == 0 ? 0 : fp / n};
  }

  private static double q(List<Double> sorted, double quantile) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
  }
}
