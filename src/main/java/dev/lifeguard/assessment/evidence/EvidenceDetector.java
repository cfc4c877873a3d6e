package dev.lifeguard.assessment.evidence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Detects evidence features in a conversation's user turns with data-driven pattern tables (English,
 * Spanish, French, German, Portuguese, Italian), and applies the rules that span turns: a fiction
 * frame lasts until broken ("ooc"), and a later clarification ("jk i meant the exam") retracts the
 * previous risk statement.
 */
public final class EvidenceDetector {
  /** Too serious to be taken back by "jk": safety first. */
  static final Set<String> NOT_RETRACTABLE = Set.of("active_attempt", "recent_attempt", "medical_attention_needed",
      "immediate_danger", "strangulation_history", "sexual_violence");

  /** Cached scans, weighed in characters: about 16 M characters of recent messages. */
  static final long CACHE_WEIGHT = 16_000_000;

  private final MessageScanner scanner;
  private final List<PatternRow> rows;
  // Chats re-send their whole history each turn: a message's scan does not depend on its neighbours.
  private final Cache<String, List<Evidence>> scans = Caffeine.newBuilder().maximumWeight(CACHE_WEIGHT)
      .weigher((String text, List<Evidence> found) -> text.length() + 64 * found.size()).build();

  EvidenceDetector(List<PatternRow> rows) {
    this(rows, new MessageScanner(rows));
  }

  /** A detector with a cache of its own around a scanner that may be shared (building one takes a while). */
  EvidenceDetector(List<PatternRow> rows, MessageScanner scanner) {
    this.rows = List.copyOf(rows);
    this.scanner = scanner;
  }

  /** Every name the pattern tables can report as this kind of evidence (for consistency checks). */
  public Set<String> names(EvidenceKind kind) {
    Set<String> names = new TreeSet<>();
    rows.stream().filter(r -> r.kind() == kind).forEach(r -> names.addAll(r.names()));
    if (kind == EvidenceKind.RISK) {
      names.add("age_mismatch_concern");
    }
    return names;
  }

  /** The detector over the classpath pattern tables. */
  public static EvidenceDetector standard() {
    return Holder.INSTANCE;
  }

  /** Evidence from one text on its own, as if it were the only user turn (index 0). */
  public List<Evidence> scan(String text) {
    return detect(List.of(new ChatMessage("user", text))).evidence();
  }

  public Findings detect(List<ChatMessage> messages) {
    return read(messages).findings();
  }

  /** Scans every user turn once; findings can then be read as of any turn. */
  public ScannedConversation read(List<ChatMessage> messages) {
    List<List<Evidence>> found = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      found.add(isUser(m) && m.content() != null ? scan(i, m.content()) : List.of());
    }
    return new ScannedConversation(messages, found);
  }

  private List<Evidence> scan(int index, String content) {
    List<Evidence> found = scans.get(content, text -> List.copyOf(scanner.scan(0, text)));
    return found.stream().map(e -> e.inMessage(index)).toList();
  }

  /** A conversation whose user turns have been scanned. */
  public static final class ScannedConversation {
    private final List<ChatMessage> messages;
    private final List<List<Evidence>> scans;

    private ScannedConversation(List<ChatMessage> messages, List<List<Evidence>> scans) {
      this.messages = List.copyOf(messages);
      this.scans = scans;
    }

    public Findings findings() {
      return findingsUpTo(messages.size() - 1);
    }

    /** Findings as of message {@code last}: later turns (and their clarifications) are not yet said. */
    public Findings findingsUpTo(int last) {
      List<Evidence> all = new ArrayList<>();
      boolean fictionFrame = false;
      int speakerAge = -1;
      for (int i = 0; i <= Math.min(last, messages.size() - 1); i++) {
        if (!isUser(messages.get(i)) || messages.get(i).content() == null) {
          continue;
        }
        List<Evidence> found = new ArrayList<>(scans.get(i));
        boolean breaks = has(found, Cues.FICTION_BREAK);
        if (fictionFrame && !breaks) {
          found = mark(found, Modality.FICTION);
        }
        fictionFrame = (fictionFrame || has(found, Cues.FICTION)) && !breaks;
        if (has(found, Cues.RETRACTION)) {
          retract(all, found);
        }
        speakerAge = ages(i, messages.get(i).content(), found, speakerAge);
        all.addAll(found);
      }
      if (speakerAge >= 0 && speakerAge < AgeStatements.ADULT) {
        all.addAll(mismatches(messages.subList(0, Math.min(last + 1, messages.size()))));
      }
      return new Findings(all, speakerAge < 0 ? OptionalInt.empty() : OptionalInt.of(speakerAge));
    }
  }

  private static boolean isUser(ChatMessage m) {
    return m.role() != null && m.role().equalsIgnoreCase("user");
  }

  private static boolean has(List<Evidence> found, String cue) {
    return found.stream().anyMatch(e -> e.kind() == EvidenceKind.CONTEXT && e.name().equals(cue));
  }

  private static List<Evidence> mark(List<Evidence> found, Modality modality) {
    List<Evidence> marked = new ArrayList<>(found.size());
    found.forEach(e -> marked.add(e.kind() == EvidenceKind.CONTEXT ? e : e.withModality(modality)));
    return marked;
  }

  /**
   * Retracts risk evidence said before the clarification: earlier in the same message, or else in
   * the latest earlier message that had any.
   */
  private static void retract(List<Evidence> earlier, List<Evidence> current) {
    int cue = current.stream().filter(e -> e.name().equals(Cues.RETRACTION)).mapToInt(e -> e.span().start())
        .max().orElse(0);
    boolean sameMessage = current.stream().anyMatch(e -> retractable(e) && e.span().end() <= cue);
    if (sameMessage) {
      current.replaceAll(e -> retractable(e) && e.span().end() <= cue ? e.withModality(Modality.RETRACTED) : e);
      return;
    }
    int target = earlier.stream().filter(EvidenceDetector::retractable).mapToInt(Evidence::message).max().orElse(-1);
    earlier.replaceAll(e -> retractable(e) && e.message() == target ? e.withModality(Modality.RETRACTED) : e);
  }

  private static boolean retractable(Evidence e) {
    return (e.kind() == EvidenceKind.RISK || e.kind() == EvidenceKind.MODIFIER) && e.asserted()
        && !NOT_RETRACTABLE.contains(e.name());
  }

  /** Records the speaker's stated age as context and returns the latest one. */
  private static int ages(int message, String content, List<Evidence> found, int current) {
    int latest = current;
    for (AgeStatements.StatedAge age : AgeStatements.speaker(TextFolding.fold(content))) {
      String name = age.age() < AgeStatements.ADULT ? "speaker_minor" : "speaker_adult";
      found.add(new Evidence(name, EvidenceKind.CONTEXT, null, Subject.SELF,
          new Span(message, age.start(), age.end()), Set.of(), false, "und"));
      latest = age.age();
    }
    return latest;
  }

  private static List<Evidence> mismatches(List<ChatMessage> messages) {
    List<Evidence> found = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (!isUser(messages.get(i)) || messages.get(i).content() == null) {
        continue;
      }
      for (AgeStatements.StatedAge other : AgeStatements.others(TextFolding.fold(messages.get(i).content()))) {
        if (other.age() >= AgeStatements.ADULT && other.age() < 100) {
          found.add(new Evidence("age_mismatch_concern", EvidenceKind.RISK, RiskType.EXPLOITATION, Subject.SELF,
              new Span(i, other.start(), other.end()), Set.of(), false, "und"));
        }
      }
    }
    return found;
  }

  private static final class Holder {
    static final EvidenceDetector INSTANCE = new EvidenceDetector(PatternLibrary.rows());
  }
}
