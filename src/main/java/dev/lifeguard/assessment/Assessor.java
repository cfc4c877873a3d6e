package dev.lifeguard.assessment;

import dev.lifeguard.assessment.evidence.EvidenceDetector;
import dev.lifeguard.assessment.evidence.EvidenceDetector.ScannedConversation;
import dev.lifeguard.assessment.evidence.EvidenceKind;
import dev.lifeguard.assessment.evidence.Findings;
import dev.lifeguard.assessment.evidence.LanguageIdentifier;
import dev.lifeguard.assessment.ladder.Contexts;
import dev.lifeguard.inference.ProbeLabels;
import dev.lifeguard.inference.ProbeScores;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a conversation, what the caller knows about the user, and the probe heads' scores into one
 * {@link Assessment}. Pure and thread-safe: no I/O, no shared mutable state.
 *
 * <p>Evidence features found by the pattern tables are graded on their clinical ladders (C-SSRS,
 * HCR-20, DASH / Danger Assessment, SAM…), which set severity and imminence floors; negated,
 * hypothetical, past, fictional, figurative and retracted mentions set none. The heads raise risks
 * above their floors and fill in what the patterns did not see. Features accumulate over user turns,
 * older ones counting a little less surely; a clarification ("jk i meant the exam") withdraws the
 * statement it clarifies.
 */
public final class Assessor {
  /** Overall confidence when nothing was found and no heads ran: patterns alone are a weak "no". */
  static final double PATTERNS_ONLY_NO_RISK = 0.6;

  private final EvidenceDetector detector;
  private final LanguageIdentifier languages;

  public Assessor() {
    this(EvidenceDetector.standard(), LanguageIdentifier.standard());
  }

  public Assessor(EvidenceDetector detector, LanguageIdentifier languages) {
    this.detector = Objects.requireNonNull(detector);
    this.languages = Objects.requireNonNull(languages);
  }

  /**
   * @param perMessageScores aligned with {@code messages}: user turns scored in context; assistant and
   *                         system entries may be {@link ProbeScores#EMPTY}; an empty list means no heads ran
   */
  public Assessment assess(List<ChatMessage> messages, AssessmentContext context, List<ProbeScores> perMessageScores) {
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(context, "context");
    List<ProbeScores> scores = aligned(messages, perMessageScores);
    ScannedConversation conversation = detector.read(messages);
    int last = messages.size() - 1;
    State state = state(conversation, messages, scores, context, last);
    Findings f = state.findings;
    Protection protection = ProtectionReader.read(f, state.heads);
    FlagReader flags = new FlagReader(state.risks, state.contexts);
    LegalFlags legal = flags.legal();
    String language = language(messages, f, context);
    return new Assessment(state.risks, StyleReader.read(f, state.heads, state.risks, language), protection, legal,
        flags.safeguarding(legal), FlagReader.presentation(f), signals(state), turns(conversation, messages, scores,
        context), f.evidence(), RationaleWriter.write(sorted(state.risks), protection, f), confidence(state));
  }

  /** The findings, heads and risks as of message {@code upTo}. */
  private record State(Findings findings, HeadReading heads, Set<String> contexts, List<Risk> risks) {}

  private static State state(ScannedConversation conversation, List<ChatMessage> messages, List<ProbeScores> scores,
      AssessmentContext context, int upTo) {
    Findings f = conversation.findingsUpTo(upTo);
    HeadReading heads = HeadReading.of(messages, scores, upTo, lastClarification(f));
    Set<String> contexts = contexts(f, context);
    List<Risk> risks = new RiskAssembler(f, heads, contexts, laterUserTurns(messages, upTo)).assemble();
    return new State(f, heads, contexts, risks);
  }

  private static List<ProbeScores> aligned(List<ChatMessage> messages, List<ProbeScores> scores) {
    List<ProbeScores> list = scores == null ? List.of() : scores;
    if (list.size() > messages.size()) {
      throw new IllegalArgumentException("more score entries (" + list.size() + ") than messages ("
          + messages.size() + ")");
    }
    List<ProbeScores> padded = new ArrayList<>(list);
    while (padded.size() < messages.size()) {
      padded.add(ProbeScores.EMPTY);
    }
    return padded;
  }

  /** The latest user turn that takes something back; the heads count from there on. */
  private static int lastClarification(Findings f) {
    return f.evidence().stream().filter(e -> e.kind() == EvidenceKind.CONTEXT && e.name().equals("retraction"))
        .mapToInt(e -> e.message()).max().orElse(0);
  }

  /** Context markers found in the text, plus the speaker's age from the text or the caller. */
  private static Set<String> contexts(Findings f, AssessmentContext context) {
    Set<String> names = f.where(e -> e.kind() == EvidenceKind.CONTEXT && e.asserted()).stream()
        .map(e -> e.name()).collect(Collectors.toCollection(HashSet::new));
    boolean statedAdult = f.speakerAge().isPresent() && !f.speakerIsMinor();
    if (f.speakerIsMinor() || context.ageBand() == AgeBand.MINOR && !statedAdult) {
      names.add(Contexts.SPEAKER_MINOR);
    } else {
      names.remove(Contexts.SPEAKER_MINOR);
    }
    return names;
  }

  /** For each message, how many user turns follow it (up to {@code upTo}): its evidence's age. */
  private static Map<Integer, Integer> laterUserTurns(List<ChatMessage> messages, int upTo) {
    Map<Integer, Integer> later = new HashMap<>();
    int count = 0;
    for (int i = upTo; i >= 0; i--) {
      later.put(i, count);
      if ("user".equalsIgnoreCase(messages.get(i).role())) {
        count++;
      }
    }
    return later;
  }

  private String language(List<ChatMessage> messages, Findings f, AssessmentContext context) {
    String text = messages.stream().filter(m -> "user".equalsIgnoreCase(m.role()) && m.content() != null)
        .map(ChatMessage::content).collect(Collectors.joining("\n"));
    String found = languages.identify(text, f.languageVotes());
    if (!found.equals(LanguageIdentifier.UNDETERMINED)) {
      return found;
    }
    return context.localeLanguage().filter(LanguageIdentifier.LANGUAGES::contains)
        .orElse(LanguageIdentifier.UNDETERMINED);
  }

  private static Signals signals(State state) {
    Map<RiskType, Double> risks = new EnumMap<>(RiskType.class);
    for (RiskType type : RiskType.values()) {
      double graded = state.risks.stream().filter(r -> r.type() == type)
          .mapToDouble(r -> severityScore(r.severity()) * Math.max(0.5, r.confidence())).max().orElse(0);
      risks.put(type, RiskAssembler.clamp(Math.max(graded, state.heads.type(type))));
    }
    double imminence = state.risks.stream().mapToDouble(r -> imminenceScore(r.imminence())).max().orElse(0);
    return new Signals(risks, state.heads.aiConcerns(), Math.max(imminence, state.heads.imminenceScore()));
  }

  /** Per-turn states: the conversation as it stood after each user turn; assistant turns' AI concerns. */
  private static List<TurnState> turns(ScannedConversation conversation, List<ChatMessage> messages,
      List<ProbeScores> scores, AssessmentContext context) {
    List<TurnState> turns = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      String role = messages.get(i).role();
      if ("user".equalsIgnoreCase(role)) {
        List<Risk> risks = state(conversation, messages, scores, context, i).risks;
        Severity speaker = risks.stream().filter(r -> r.subject() == Subject.SELF)
            .map(Risk::severity).max(Severity::compareTo).orElse(Severity.NONE);
        Severity overall = risks.stream().map(Risk::severity).max(Severity::compareTo).orElse(Severity.NONE);
        Imminence imminence = risks.stream().map(Risk::imminence).max(Imminence::compareTo)
            .orElse(Imminence.NOT_APPLICABLE);
        turns.add(new TurnState(i, role, speaker, overall, imminence, Map.of()));
      } else if ("assistant".equalsIgnoreCase(role)) {
        Map<AiConcern, Double> ai = new EnumMap<>(AiConcern.class);
        for (AiConcern c : AiConcern.values()) {
          ai.put(c, (double) scores.get(i).get(ProbeLabels.AI_PREFIX + c.wireName()));
        }
        turns.add(new TurnState(i, role, Severity.NONE, Severity.NONE, Imminence.NOT_APPLICABLE, ai));
      }
    }
    return turns;
  }

  private static double confidence(State state) {
    if (!state.risks.isEmpty()) {
      return state.risks.stream().mapToDouble(Risk::confidence).max().orElse(0);
    }
    return state.heads.present() ? RiskAssembler.clamp(1 - state.heads.p("risk")) : PATTERNS_ONLY_NO_RISK;
  }

  private static List<Risk> sorted(List<Risk> risks) {
    List<Risk> list = new ArrayList<>(risks);
    list.sort(Assessment.MOST_SERIOUS_FIRST);
    return list;
  }

  static double severityScore(Severity s) {
    switch (s) {
      case MILD: return 0.35;
      case MODERATE: return 0.55;
      case HIGH: return 0.75;
      case CRITICAL: return 0.92;
      default: return 0;
    }
  }

  static double imminenceScore(Imminence i) {
    switch (i) {
      case CHRONIC: return 0.25;
      case SUBACUTE: return 0.5;
      case URGENT: return 0.75;
      case EMERGENCY: return 0.95;
      default: return 0;
    }
  }
}
