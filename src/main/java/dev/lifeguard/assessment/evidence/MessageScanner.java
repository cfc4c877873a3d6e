package dev.lifeguard.assessment.evidence;

import dev.lifeguard.taxonomy.Subject;
import dev.lifeguard.text.PatternSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Runs the pattern tables over one message and turns raw hits into evidence with modality and subject. */
final class MessageScanner {
  private final List<PatternRow> rows;
  private final PatternSet patterns;

  MessageScanner(List<PatternRow> rows) {
    this.rows = rows;
    this.patterns = new PatternSet(rows.stream().map(PatternRow::pattern).toList());
  }

  List<Evidence> scan(int index, String content) {
    String folded = TextFolding.fold(content);
    MessageContext ctx = new MessageContext(index, folded, match(folded));
    List<Evidence> found = new ArrayList<>();
    List<Hit> meaningful = dropShadowed(ctx.hits);
    for (Hit hit : meaningful) {
      found.addAll(evidence(hit, ctx));
    }
    return hyperbole(found, ctx.hits, ctx);
  }

  private List<Hit> match(String folded) {
    List<Hit> hits = new ArrayList<>();
    PatternSet.Scan scan = patterns.scan(folded);
    for (int k = 0; k < rows.size(); k++) {
      PatternRow row = rows.get(k);
      scan.find(k, (start, end) -> {
        if (end > start) {
          hits.add(new Hit(row, start, end));
        }
        return true;
      });
    }
    return hits;
  }

  /**
   * Of two overlapping hits naming the same thing, the longer one says it better; and a phrase inside
   * a history ("i tried to [kill myself] last year") is part of that history.
   */
  private static List<Hit> dropShadowed(List<Hit> hits) {
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparingInt(Hit::length).reversed());
    List<Hit> kept = new ArrayList<>();
    for (Hit hit : sorted) {
      boolean shadowed = hit.row().kind() != EvidenceKind.CONTEXT && kept.stream().anyMatch(k ->
          k.row().kind() == hit.row().kind() && k.row().type() == hit.row().type()
              && (k.overlaps(hit.start(), hit.end()) && k.row().names().containsAll(hit.row().names())
                  || k.row().flagged(PatternRow.FLAG_HISTORY) && hit.within(k.start(), k.end())));
      if (!shadowed) {
        kept.add(hit);
      }
    }
    kept.sort(Comparator.comparingInt(Hit::start));
    return kept;
  }

  private static List<Evidence> evidence(Hit hit, MessageContext ctx) {
    PatternRow row = hit.row();
    boolean cue = row.kind() == EvidenceKind.CONTEXT && Cues.GRAMMAR.containsAll(row.names());
    if (cue) {
      return List.of();
    }
    boolean framing = row.kind() == EvidenceKind.CONTEXT && Cues.FRAMING.containsAll(row.names());
    Set<Modality> modalities = framing ? Set.of() : ModalityRules.of(hit, ctx);
    Subject subject = framing ? null : SubjectRules.resolve(hit, ctx);
    Span span = new Span(ctx.index, hit.start(), hit.end());
    List<Evidence> out = new ArrayList<>();
    for (String name : row.names()) {
      Evidence e = new Evidence(name, row.kind(), row.type(), subject, span, modalities,
          row.flagged(PatternRow.FLAG_NOW), row.language());
      out.addAll(e.has(Modality.REPORTED) ? SubjectRules.reattribute(e, ctx.text.substring(hit.start(), hit.end()))
          : List.of(e));
    }
    return out;
  }

  /**
   * "gonna kms lol" about homework is hyperbole: a humour cue in the same sentence (or just after
   * it) or a trivial cause ("she ate my fries"), no sincerity cue, and no plain risk statement or
   * aggravating detail ("i have the pills right here") in the message. A phrase is hyperbole only
   * when every row that matched it is one that people use as a joke.
   */
  private static List<Evidence> hyperbole(List<Evidence> found, List<Hit> hits, MessageContext ctx) {
    if (!ctx.has(Cues.HUMOR) && !ctx.has(Cues.TRIVIAL) || ctx.has(Cues.SINCERE)) {
      return found;
    }
    boolean plainRisk = hits.stream().anyMatch(h -> (h.row().kind() == EvidenceKind.RISK
        || h.row().kind() == EvidenceKind.MODIFIER) && !h.row().flagged(PatternRow.FLAG_HYPERBOLE)
        && ModalityRules.of(h, ctx).stream().noneMatch(Modality::suppresses));
    if (plainRisk) {
      return found;
    }
    List<Evidence> out = new ArrayList<>(found.size());
    for (Evidence e : found) {
      boolean joking = e.kind() == EvidenceKind.RISK && (humourNear(e.span(), ctx) || ctx.has(Cues.TRIVIAL)) && hits.stream()
          .filter(h -> h.row().kind() == EvidenceKind.RISK && h.overlaps(e.span().start(), e.span().end()))
          .allMatch(h -> h.row().flagged(PatternRow.FLAG_HYPERBOLE));
      out.add(joking ? e.withModality(Modality.FIGURATIVE) : e);
    }
    return out;
  }

  /** Humour in the phrase's sentence, or trailing right after it ("gonna kms. 💀"). */
  private static boolean humourNear(Span span, MessageContext ctx) {
    int from = ctx.segments.sentenceStart(span.start());
    int to = Math.min(ctx.text.length(), ctx.segments.sentenceEnd(span.end()) + 4);
    return ctx.cues(Cues.HUMOR).stream().anyMatch(c -> c.start() >= from && c.start() < to);
  }
}
