package dev.lifeguard.assessment;

import dev.lifeguard.assessment.evidence.Evidence;
import dev.lifeguard.assessment.evidence.EvidenceKind;
import dev.lifeguard.assessment.evidence.Findings;
import dev.lifeguard.assessment.evidence.Modality;
import dev.lifeguard.assessment.ladder.Grade;
import dev.lifeguard.assessment.ladder.Ladder;
import dev.lifeguard.assessment.ladder.LadderInput;
import dev.lifeguard.inference.ProbeLabels;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the subject × type risks. Asserted features are graded on their framework's ladder, which
 * sets floors; the heads may raise a risk above its floor and fill in risks the patterns did not see.
 * A risk the patterns saw only as negated, hypothetical, past or fictional, or that the risk head gives
 * less than even odds, stays mild on the heads' word alone. So does a model-only risk to others beside a
 * graded risk to the speaker, unless its own type is likely: the severity heads grade the message, and
 * that grade belongs to the risk the rules found ("better for everyone if I weren't here" is not also
 * high violence to others because a violence head passed its recall-first threshold).
 */
final class RiskAssembler {
  static final double BASE_CONFIDENCE = 0.55;
  static final double PER_FEATURE = 0.08;
  static final double MAX_PATTERN_CONFIDENCE = 0.92;
  /** The heads clearly disagree below this: pattern-only confidence drops. */
  static final double HEAD_DISAGREES = 0.2;
  static final double DISAGREEMENT_PENALTY = 0.1;
  /** Pattern evidence this many user turns old counts a little less sure, never below the floor. */
  static final double MIN_STALE_CONFIDENCE = 0.4;
  /** The text reads as fiction this strongly (heads or rules): a model-only risk stays mild. */
  static final double FICTION_CAP = 0.7;
  /**
   * Below even odds on the calibrated risk head, a model-only risk is a possibility the recall-first
   * threshold keeps, not a finding: it stays mild, so it is reported without escalating the reply. At
   * even odds or above it is a finding, and a finding is at least moderate ("clear concern"): 94% of
   * the corpus's risk items are moderate or above, so that is the likelier grade given risk, and a
   * mild grade would withhold resources whatever heads are loaded (docs/PERFORMANCE.md, "Grading what
   * only the model saw").
   */
  static final double MODEL_ONLY_FINDING = 0.5;

  private record Key(RiskType type, Subject subject) {}

  private final Findings findings;
  private final HeadReading heads;
  private final Set<String> contexts;
  private final Map<Integer, Integer> laterUserTurns;

  RiskAssembler(Findings findings, HeadReading heads, Set<String> contexts, Map<Integer, Integer> laterUserTurns) {
    this.findings = findings;
    this.heads = heads;
    this.contexts = contexts;
    this.laterUserTurns = laterUserTurns;
  }

  List<Risk> assemble() {
    Map<Key, List<Evidence>> groups = new LinkedHashMap<>();
    for (Evidence e : findings.asserted(EvidenceKind.RISK)) {
      groups.computeIfAbsent(new Key(e.type(), e.subject()), k -> new ArrayList<>()).add(e);
    }
    List<Evidence> modifiers = findings.asserted(EvidenceKind.MODIFIER);
    List<Risk> risks = new ArrayList<>();
    Set<RiskType> covered = new HashSet<>();
    groups.forEach((key, own) -> {
      Risk risk = fromFeatures(key, own, modifiers, groups);
      if (risk != null) {
        risks.add(risk);
        covered.add(key.type());
      }
    });
    Set<Subject> graded = new HashSet<>();
    risks.forEach(r -> graded.add(r.subject()));
    for (RiskType type : heads.types()) {
      if (!covered.contains(type)) {
        risks.add(fromHeads(type, graded));
      }
    }
    return risks;
  }

  private Risk fromFeatures(Key key, List<Evidence> own, List<Evidence> modifiers, Map<Key, List<Evidence>> all) {
    List<Evidence> evidence = new ArrayList<>(own);
    evidence.addAll(Modifiers.attach(key.type(), key.subject(), own, modifiers));
    Map<String, List<Evidence>> byName = new LinkedHashMap<>();
    evidence.forEach(e -> byName.computeIfAbsent(Modifiers.nameFor(key.type(), e.name()), n -> new ArrayList<>())
        .add(e));
    Grade grade = Ladder.assess(new LadderInput(key.type(), key.subject(), byName.keySet(), related(key, all),
        historical(byName), evidence.stream().anyMatch(Evidence::immediate), contexts));
    boolean headsAgree = headsSupport(key.type()) && (heads.subject() == key.subject()
        || heads.subject() == Subject.UNKNOWN || all.keySet().stream().filter(k -> k.type() == key.type()).count() == 1);
    Severity severity = headsAgree ? Severity.max(grade.severity(), heads.severity()) : grade.severity();
    if (severity == Severity.NONE) {
      return null;
    }
    Imminence imminence = headsAgree ? Imminence.max(grade.imminence(), heads.imminence()) : grade.imminence();
    Placement place = Placement.of(key.type(), key.subject(), contexts, byName.keySet());
    return new Risk(key.type(), key.subject(), severity, atLeastChronic(imminence),
        patternConfidence(key.type(), own), subjectConfidence(key, own), features(byName, grade.drivers()),
        grade.clinicalTypes(), place.domain(), place.subtype(), grade.framework());
  }

  /**
   * @param graded the subjects whose risks the rules graded: when they found the speaker at risk and no
   *               one else, the heads' message-wide grade belongs to the speaker's risk, not to a reading
   *               of danger to others whose own type head is below even odds. Never the other way round:
   *               a risk to the speaker is not lowered because the rules read the message as about others.
   */
  private Risk fromHeads(RiskType type, Set<Subject> graded) {
    Severity severity = heads.severity();
    Subject subject = heads.subject();
    // someone else's "you should kill yourself" says nothing about what the speaker means
    boolean explainedAway = findings.where(e -> e.type() == type).stream()
        .anyMatch(e -> !e.asserted() && !e.has(Modality.DIRECTED));
    // the rules' reading counts too: a risk mention they saw inside a story frame is as telling as the head
    boolean fiction = Math.max(heads.fiction(), StyleReader.fictionCue(findings)) >= FICTION_CAP
        && findings.asserted(EvidenceKind.RISK).isEmpty();
    boolean uncertain = heads.p(ProbeLabels.RISK) < MODEL_ONLY_FINDING;
    boolean aside = subject == Subject.OTHER && graded.contains(Subject.SELF) && !graded.contains(Subject.OTHER)
        && heads.type(type) < HeadReading.THRESHOLD;
    severity = explainedAway || fiction || uncertain || aside ? Severity.min(severity, Severity.MILD)
        : Severity.max(severity, Severity.MODERATE);
    Placement place = Placement.of(type, subject, contexts, Set.of());
    return new Risk(type, subject, severity, atLeastChronic(heads.imminence()), heads.type(type),
        heads.subject(subject), List.of(), List.of(), place.domain(), place.subtype(), Risk.MODEL_ONLY);
  }

  private boolean headsSupport(RiskType type) {
    return heads.present() && heads.riskPresent() && heads.types().contains(type);
  }

  private static Set<String> related(Key key, Map<Key, List<Evidence>> all) {
    Set<String> names = new HashSet<>();
    all.forEach((k, list) -> {
      if (!k.equals(key) && k.subject() == key.subject()) {
        list.forEach(e -> names.add(e.name()));
      }
    });
    return names;
  }

  private static Set<String> historical(Map<String, List<Evidence>> byName) {
    Set<String> names = new HashSet<>();
    byName.forEach((name, list) -> {
      if (list.stream().allMatch(e -> e.has(Modality.HISTORICAL))) {
        names.add(name);
      }
    });
    return names;
  }

  /** Ladder drivers first, then the other features, each with its spans. */
  private static List<FeatureEvidence> features(Map<String, List<Evidence>> byName, List<String> drivers) {
    List<String> order = new ArrayList<>(drivers);
    byName.keySet().stream().filter(n -> !order.contains(n)).forEach(order::add);
    return order.stream().filter(byName::containsKey)
        .map(n -> new FeatureEvidence(n, byName.get(n).stream().map(Evidence::span).distinct().toList())).toList();
  }

  private double patternConfidence(RiskType type, List<Evidence> own) {
    long distinct = own.stream().map(Evidence::name).distinct().count();
    double c = Math.min(MAX_PATTERN_CONFIDENCE, BASE_CONFIDENCE + PER_FEATURE * distinct);
    int age = own.stream().mapToInt(e -> laterUserTurns.getOrDefault(e.message(), 0)).min().orElse(0);
    c = Math.max(Math.min(c, MIN_STALE_CONFIDENCE), c * Math.pow(HeadReading.RECENCY_DECAY, age));
    if (heads.present()) {
      double p = heads.riskPresent() ? heads.type(type) : Math.min(heads.type(type), heads.p(ProbeLabels.RISK));
      boolean agrees = p >= heads.decision(ProbeLabels.TYPE_PREFIX + type.wireName());
      c = agrees ? Math.max(c, p) : p < HEAD_DISAGREES ? c - DISAGREEMENT_PENALTY : c;
    }
    return clamp(c);
  }

  private double subjectConfidence(Key key, List<Evidence> own) {
    long ofType = findings.asserted(key.type()).size();
    double share = ofType == 0 ? 1 : (double) own.size() / ofType;
    double fromPatterns = 0.5 + 0.45 * share;
    return clamp(heads.present() ? (fromPatterns + heads.subject(key.subject())) / 2 : fromPatterns);
  }

  private static Imminence atLeastChronic(Imminence i) {
    return Imminence.max(i, Imminence.CHRONIC);
  }

  static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
