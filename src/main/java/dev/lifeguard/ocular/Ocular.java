package dev.lifeguard.ocular;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.assessment.TurnState;
import dev.lifeguard.ocular.AxisScores.Framing;
import dev.lifeguard.ocular.Perturbations.Variant;
import dev.lifeguard.ocular.Windows.Window;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.OcularAxis;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ocular's reading of a conversation: windows assessed by the classifier, combined onto the twelve
 * axes, levelled and judged by the {@link VerdictPolicy}; at effort 2–3 the window the reading rests
 * on is re-read under {@link Perturbations} to measure how stable each axis is. Non-blocking: all
 * work is in the classifier, whose per-turn cache means a variant pays only for the turns it changed.
 */
public final class Ocular {
  /** Weight lost per later window: an earlier stretch of a long chat counts, a little less surely. */
  static final double WINDOW_DECAY = 0.85;
  /** With thoroughness "auto", a score this close to a verdict boundary earns a second look at effort 2. */
  static final double AUTO_MARGIN = 0.05;

  /** The classifier, as Ocular needs it. */
  @FunctionalInterface
  public interface Assess {
    Future<Assessment> assess(List<ChatMessage> messages, AssessmentContext context);
  }

  private final Assess classifier;
  private final VerdictPolicy policy;

  public Ocular(Assess classifier, VerdictPolicy policy) {
    this.classifier = classifier;
    this.policy = policy;
  }

  /**
   * @param turnOffset added to trajectory turn numbers (messages dropped before these, e.g. by the demo route)
   */
  public Future<OcularReading> read(List<ChatMessage> messages, AssessmentContext context, OcularOptions options,
      int turnOffset) {
    List<Window> windows = Windows.split(messages);
    return assessAll(windows.stream().map(Window::messages).toList(), context).compose(assessed -> {
      List<Part> base = new ArrayList<>();
      for (int w = 0; w < windows.size(); w++) {
        base.add(Part.of(windows.get(w).messages(), assessed.get(w)));
      }
      Combined combined = combine(base);
      int effort = options.startingEffort();
      if (options.adaptive() && borderline(combined.scores())) {
        effort = 2;
      }
      Optional<Trajectory> trajectory = options.perTurn()
          ? Optional.of(Trajectory.of(points(windows, base, combined.scores().framing(), turnOffset), options.stride()))
          : Optional.empty();
      int runEffort = effort;
      if (effort == 1) {
        return Future.succeededFuture(reading(combined, runEffort, Optional.empty(), Optional.empty(), trajectory,
            windows.size(), windows.size()));
      }
      Window deciding = windows.get(combined.deciding());
      Assessment decidingAssessment = base.get(combined.deciding()).assessment();
      List<Variant> variants = Perturbations.of(deciding.messages(), effort, userTarget(decidingAssessment),
          assistantTarget(decidingAssessment));
      return assessAll(variants.stream().map(Variant::messages).toList(), context).map(perturbed -> {
        List<Combined> again = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
          List<Part> parts = new ArrayList<>(base);
          parts.set(combined.deciding(), Part.of(variants.get(v).messages(), perturbed.get(v)));
          again.add(combine(parts));
        }
        return reading(combined, runEffort, Optional.of(stability(combined, again)), Optional.of(agreement(combined, again)),
            trajectory, windows.size(), windows.size() + variants.size());
      });
    });
  }

  private Future<List<Assessment>> assessAll(List<List<ChatMessage>> conversations, AssessmentContext context) {
    List<Future<Assessment>> futures = conversations.stream().map(m -> classifier.assess(m, context)).toList();
    return Future.all(futures).map(all -> futures.stream().map(Future::result).toList());
  }

  private OcularReading reading(Combined c, int effort, Optional<Map<String, Double>> stability, Optional<Double> confidence,
      Optional<Trajectory> trajectory, int windows, int passes) {
    AxisScores s = c.scores();
    return new OcularReading(s, policy.userLevels(s), policy.aiLevels(s), policy.verdict(s),
        VerdictPolicy.imminence(s.imminence()), effort, stability, confidence, trajectory, windows, passes,
        policy.fictionFramed(s.framing()), c.decidingAssessment());
  }

  /** One window's assessment and the concern floors its assistant turns' text sets, per message index. */
  record Part(Assessment assessment, Map<Integer, Map<AiConcern, Double>> floors) {
    static Part of(List<ChatMessage> messages, Assessment a) {
      return new Part(a, ReplyEvidence.floors(messages, a));
    }

    AxisScores scores() {
      return AxisScores.of(assessment, ReplyEvidence.strongest(floors));
    }
  }

  /** One reading over several windows, and which window it rests on. */
  record Combined(AxisScores scores, int deciding, Assessment decidingAssessment) {}

  /**
   * Scores: the strongest over windows, each earlier window weighted down by {@link #WINDOW_DECAY}.
   * Clinical grades (level floors): the latest window's, as the assessor itself reads "as of the last
   * turn". Fiction and authenticity: the strongest anywhere; subject: the deciding window's.
   */
  static Combined combine(List<Part> parts) {
    int n = parts.size();
    Map<OcularAxis, Double> user = new EnumMap<>(OcularAxis.class);
    Map<AiConcern, Double> ai = new EnumMap<>(AiConcern.class);
    double imminence = 0;
    double fiction = 0;
    double authenticity = 0;
    boolean disclosure = false;
    int deciding = n - 1;
    double decidingScore = -1;
    List<AxisScores> each = parts.stream().map(Part::scores).toList();
    for (int w = n - 1; w >= 0; w--) {
      AxisScores s = each.get(w);
      double weight = Math.pow(WINDOW_DECAY, n - 1 - w);
      for (OcularAxis axis : OcularAxis.values()) {
        user.merge(axis, s.user(axis) * weight, Math::max);
      }
      for (AiConcern c : AiConcern.values()) {
        ai.merge(c, s.ai(c) * weight, Math::max);
      }
      imminence = Math.max(imminence, s.imminence() * weight);
      fiction = Math.max(fiction, s.framing().fiction());
      authenticity = Math.max(authenticity, s.framing().authenticity());
      disclosure |= s.framing().disclosure();
      if (s.salience() * weight > decidingScore) {
        decidingScore = s.salience() * weight;
        deciding = w;
      }
    }
    AxisScores last = each.get(n - 1);
    AxisScores scores = new AxisScores(user, last.graded(), ai, imminence, new Framing(fiction, authenticity, disclosure),
        each.get(deciding).subject());
    return new Combined(scores, deciding, parts.get(deciding).assessment());
  }

  /** True when some axis sits within {@link #AUTO_MARGIN} of a rung that moves the verdict. */
  boolean borderline(AxisScores s) {
    for (OcularAxis axis : OcularAxis.values()) {
      if (near(s.user(axis), policy.user().moderate()) || near(s.user(axis), policy.user().high())) {
        return true;
      }
    }
    for (AiConcern c : AiConcern.values()) {
      if (near(s.ai(c), policy.ai().moderate()) || near(s.ai(c), policy.ai().high())) {
        return true;
      }
    }
    return false;
  }

  private static boolean near(double score, double threshold) {
    return Math.abs(score - threshold) < AUTO_MARGIN;
  }

  /** Per axis: 1 − (highest − lowest) score over the unperturbed and perturbed passes. */
  static Map<String, Double> stability(Combined base, List<Combined> perturbed) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (OcularAxis axis : OcularAxis.values()) {
      out.put(axis.wireName(), spread(base, perturbed, s -> s.user(axis)));
    }
    for (AiConcern c : AiConcern.values()) {
      out.put(c.wireName(), spread(base, perturbed, s -> s.ai(c)));
    }
    return out;
  }

  private static double spread(Combined base, List<Combined> perturbed, java.util.function.ToDoubleFunction<AxisScores> f) {
    double lo = f.applyAsDouble(base.scores());
    double hi = lo;
    for (Combined p : perturbed) {
      lo = Math.min(lo, f.applyAsDouble(p.scores()));
      hi = Math.max(hi, f.applyAsDouble(p.scores()));
    }
    return 1 - (hi - lo);
  }

  private double agreement(Combined base, List<Combined> perturbed) {
    Verdict verdict = policy.verdict(base.scores());
    long same = perturbed.stream().filter(p -> policy.verdict(p.scores()) == verdict).count();
    return perturbed.isEmpty() ? 1 : (double) same / perturbed.size();
  }

  private List<Trajectory.Point> points(List<Window> windows, List<Part> base, Framing framing, int turnOffset) {
    List<Trajectory.Point> points = new ArrayList<>();
    for (int w = 0; w < windows.size(); w++) {
      Window window = windows.get(w);
      Part part = base.get(w);
      for (TurnState t : part.assessment().turns()) {
        int turn = window.start() + t.message();
        if (turn >= window.owned()) {
          points.add(new Trajectory.Point(t.role(), turn + turnOffset, policy.turnVerdict(withFloors(t, part), framing)));
        }
      }
    }
    return points;
  }

  private static TurnState withFloors(TurnState t, Part part) {
    Map<AiConcern, Double> floors = part.floors().get(t.message());
    if (floors == null) {
      return t;
    }
    Map<AiConcern, Double> merged = new EnumMap<>(AiConcern.class);
    merged.putAll(t.aiConcerns());
    floors.forEach((c, v) -> merged.merge(c, v, Math::max));
    return new TurnState(t.message(), t.role(), t.speakerSeverity(), t.overallSeverity(), t.overallImminence(), merged);
  }

  /** The user turn the reading rests on: the first at which the conversation reached its worst state, else the last. */
  static int userTarget(Assessment a) {
    int target = -1;
    int best = -1;
    for (TurnState t : a.turns()) {
      if (!"user".equalsIgnoreCase(t.role())) {
        continue;
      }
      int severity = t.overallSeverity().ordinal();
      if (severity > best || severity == 0 && best == 0) {
        best = severity;
        target = t.message();
      }
    }
    return target;
  }

  /** The assistant turn with the strongest concern, else the last assistant turn. */
  static int assistantTarget(Assessment a) {
    int target = -1;
    double best = -1;
    for (TurnState t : a.turns()) {
      if (!"assistant".equalsIgnoreCase(t.role())) {
        continue;
      }
      double top = t.aiConcerns().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      if (top > best || top == 0 && best == 0) {
        best = top;
        target = t.message();
      }
    }
    return target;
  }
}
