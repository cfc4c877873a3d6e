package dev.lifeguard.assessment.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Quoted stretches of a folded message: "double quoted" and 'single quoted' (an apostrophe inside a
 * word, as in "i'll", is not a quote mark).
 */
final class Quotes {
  record Region(int start, int end) {
    boolean contains(int from, int to) {
      return from >= start && to <= end;
    }
  }

  private Quotes() {}

  static List<Region> find(String text) {
    List<Region> regions = new ArrayList<>();
    collect(text, '"', regions);
    collect(text, '\'', regions);
    return regions;
  }

  private static void collect(String text, char mark, List<Region> regions) {
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != mark) {
        continue;
      }
      if (open < 0 && opens(text, i, mark)) {
        open = i;
      } else if (open >= 0 && closes(text, i, mark)) {
        regions.add(new Region(open + 1, i));
        open = -1;
      }
    }
  }

  private static boolean opens(String text, int i, char mark) {
    boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    boolean after = i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
    return mark == '"' ? after : before && after;
  }

  private static boolean closes(String text, int i, char mark) {
    boolean before = i > 0 && !Character.isWhitespace(text.charAt(i - 1));
    boolean after = i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
    return mark == '"' || (before && after);
  }
}
