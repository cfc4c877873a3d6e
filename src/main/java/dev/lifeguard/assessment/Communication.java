package dev.lifeguard.assessment;

import dev.lifeguard.taxonomy.Style;
import java.util.List;

/**
 * How the conversation is written: styles best first, how strongly it reads as fiction, how strongly
 * as a genuine first-person disclosure, and its language (ISO 639-1, or {@code und}).
 */
public record Communication(List<StyleScore> styles, double fiction, double authenticity, String language) {
  public Communication {
    styles = List.copyOf(styles);
  }

  /** The most likely style. */
  public Style primaryStyle() {
    return styles.isEmpty() ? Style.DIRECT : styles.get(0).style();
  }

  public double confidenceOf(Style style) {
    return styles.stream().filter(s -> s.style() == style).mapToDouble(StyleScore::confidence).findFirst().orElse(0);
  }
}
