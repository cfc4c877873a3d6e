package dev.lifeguard.assessment.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One folded message with all its raw hits, grouped so that modality and subject rules can query cues. */
final class MessageContext {
  final int index;
  final String text;
  final List<Hit> hits;
  final Segments segments;
  final List<Quotes.Region> quotes;
  private final Map<String, List<Hit>> cues = new HashMap<>();

  MessageContext(int index, String text, List<Hit> hits) {
    this.index = index;
    this.text = text;
    this.hits = hits;
    for (Hit hit : hits) {
      if (hit.row().kind() == EvidenceKind.CONTEXT) {
        for (String name : hit.row().names()) {
          cues.computeIfAbsent(name, k -> new ArrayList<>()).add(hit);
        }
      }
    }
    this.segments = new Segments(text, cues(Cues.CLAUSE_BREAK));
    this.quotes = Quotes.find(text);
  }

  List<Hit> cues(String name) {
    return cues.getOrDefault(name, List.of());
  }

  boolean has(String cue) {
    return !cues(cue).isEmpty();
  }

  /** A cue of this name lies within [from, to). */
  boolean hasWithin(String cue, int from, int to) {
    return cues(cue).stream().anyMatch(c -> c.within(from, to));
  }

  /** A cue of this name overlaps [from, to). */
  boolean overlaps(String cue, int from, int to) {
    return cues(cue).stream().anyMatch(c -> c.overlaps(from, to));
  }

  int sentenceStart(Hit hit) {
    return segments.sentenceStart(hit.start());
  }

  int sentenceEnd(Hit hit) {
    return segments.sentenceEnd(hit.end());
  }
}
