package dev.lifeguard.assessment;

import dev.lifeguard.assessment.evidence.EvidenceKind;
import dev.lifeguard.assessment.evidence.Findings;
import dev.lifeguard.assessment.evidence.Modality;
import dev.lifeguard.taxonomy.Style;
import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads how the conversation is written: each style scores the stronger of its head and its cues
 * (a fiction frame, "what if", "lol", "for my thesis", "ignore previous instructions"…).
 */
final class StyleReader {
  /** Styles below this are not reported. */
  static final double MIN_STYLE = 0.3;
  static final double STRONG_CUE = 0.85;
  static final double CUE = 0.6;
  /** When nothing else is known, text is taken as plainly direct, without conviction. */
  static final double DEFAULT_DIRECT = 0.5;

  private StyleReader() {}

  static Communication read(Findings f, HeadReading heads, List<Risk> risks, String language) {
    Map<Style, Double> cues = cues(f, risks);
    List<StyleScore> styles = new ArrayList<>();
    for (Style style : Style.values()) {
      double score = Math.max(cues.getOrDefault(style, 0.0), heads.style(style));
      if (score >= MIN_STYLE) {
        styles.add(new StyleScore(style, round(score)));
      }
    }
    if (styles.isEmpty()) {
      styles.add(new StyleScore(Style.DIRECT, DEFAULT_DIRECT));
    }
    styles.sort(Comparator.comparingDouble(StyleScore::confidence).reversed());
    double fiction = Math.max(heads.fiction(), cues.getOrDefault(Style.FICTION, 0.0));
    return new Communication(styles, round(fiction), round(authenticity(f, heads, cues)), language);
  }

  private static Map<Style, Double> cues(Findings f, List<Risk> risks) {
    Map<Style, Double> s = new EnumMap<>(Style.class);
    put(s, Style.FICTION, fictionCue(f));
    put(s, Style.HYPOTHETICAL, modal(f, Modality.HYPOTHETICAL) ? STRONG_CUE
        : f.hasContext("hypothetical") || f.hasContext("hypothetical_message") ? CUE : 0);
    put(s, Style.HUMOR, modal(f, Modality.FIGURATIVE) && f.hasContext("humor") ? STRONG_CUE
        : f.hasContext("humor") ? CUE : 0);
    put(s, Style.CLINICAL, f.hasContext("clinical") ? CUE : 0);
    put(s, Style.ADVERSARIAL, f.hasContext("adversarial") ? STRONG_CUE : 0);
    put(s, Style.MINIMIZED, f.hasContext("minimized") ? CUE : 0);
    boolean other = risks.stream().anyMatch(r -> r.subject() == Subject.OTHER);
    put(s, Style.DISTANCED, other || modal(f, Modality.REPORTED) ? 0.8
        : modal(f, Modality.PAST) || modal(f, Modality.HISTORICAL) ? CUE : 0);
    boolean firstHand = f.asserted(EvidenceKind.RISK).stream()
        .anyMatch(e -> e.subject() == Subject.SELF && !e.has(Modality.REPORTED));
    put(s, Style.DIRECT, firstHand ? 0.8 : 0);
    return s;
  }

  /** How strongly the rules read a fiction frame: a risk mention inside one, or only the frame's cue. */
  static double fictionCue(Findings f) {
    return modal(f, Modality.FICTION) ? STRONG_CUE : f.hasContext("fiction") ? CUE : 0;
  }

  private static boolean modal(Findings f, Modality m) {
    return f.evidence().stream().anyMatch(e -> e.kind() != EvidenceKind.CONTEXT && e.has(m));
  }

  private static void put(Map<Style, Double> map, Style style, double v) {
    if (v > 0) {
      map.put(style, v);
    }
  }

  /** The heads' word when present; otherwise first-hand statements read as genuine, framing as less so. */
  private static double authenticity(Findings f, HeadReading heads, Map<Style, Double> cues) {
    if (heads.present()) {
      return heads.authentic();
    }
    double framing = Math.max(cues.getOrDefault(Style.FICTION, 0.0), Math.max(
        cues.getOrDefault(Style.HYPOTHETICAL, 0.0), cues.getOrDefault(Style.ADVERSARIAL, 0.0)));
    if (cues.containsKey(Style.DIRECT)) {
      return Math.max(0.2, 0.85 - framing / 2);
    }
    return framing > 0 ? 1 - framing : DEFAULT_DIRECT;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
