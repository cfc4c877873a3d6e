package dev.lifeguard.assessment.evidence;

import java.text.Normalizer;

/**
 * Folds text for matching without moving any character: lower case, accents stripped, typographic
 * quotes and dashes made plain, all whitespace a space except line breaks. Because the result has the
 * same length, a match's offsets are offsets into the original message.
 */
final class TextFolding {
  private TextFolding() {}

  static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fold(text.charAt(i));
    }
    return new String(out);
  }

  private static char fold(char c) {
    if (Character.isSurrogate(c)) {
      return c;
    }
    switch (c) {
      case '\u2018', '\u2019', '\u201B', '\u02BC', '\u00B4', '`' -> { return '\''; }
      case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> { return '"'; }
      case '\u2013', '\u2014', '\u2212' -> { return '-'; }
      case '\n', '\r' -> { return '\n'; }
      default -> { }
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return ' ';
    }
    char lower = Character.toLowerCase(c);
    return lower < 0x80 ? lower : stripAccent(lower);
  }

  private static char stripAccent(char c) {
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    if (decomposed.length() < 2) {
      return c;
    }
    for (int i = 1; i < decomposed.length(); i++) {
      if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
        return c;
      }
    }
    return decomposed.charAt(0);
  }
}
