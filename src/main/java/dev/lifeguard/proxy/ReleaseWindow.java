package dev.lifeguard.proxy;

import java.util.Optional;

/**
 * Holds streamed model text until it can be screened. A window is ready when it reaches a sentence
 * end with at least {@code min} characters, or {@code max} characters without one (then it is cut
 * at the last space, so words are never split). Screening whole sentences keeps the judgement
 * meaningful; the bounds keep the added delay and the memory small.
 */
public final class ReleaseWindow {
  private final int min;
  private final int max;
  private final StringBuilder pending = new StringBuilder();

  public ReleaseWindow(int min, int max) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ", " + max);
    }
    this.min = min;
    this.max = max;
  }

  public void append(String text) {
    pending.append(text);
  }

  public int pendingLength() {
    return pending.length();
  }

  public boolean isEmpty() {
    return pending.length() == 0;
  }

  /** Takes the next screenable window off the front, if one is ready. */
  public Optional<String> take() {
    int end = readyEnd();
    if (end <= 0) {
      return Optional.empty();
    }
    String window = pending.substring(0, end);
    pending.delete(0, end);
    return Optional.of(window);
  }

  /** Takes whatever is left (the tail, when the model has finished). */
  public String drain() {
    String rest = pending.toString();
    pending.setLength(0);
    return rest;
  }

  private int readyEnd() {
    int lastBoundary = -1;
    int limit = Math.min(pending.length(), max);
    for (int i = 0; i < limit; i++) {
      if (isSentenceEnd(i)) {
        lastBoundary = i + 1;
      }
    }
    if (lastBoundary >= min) {
      return lastBoundary;
    }
    if (pending.length() < max) {
      return -1;
    }
    int space = pending.lastIndexOf(" ", max - 1);
    int cut = space > 0 ? space + 1 : max;
    if (Character.isHighSurrogate(pending.charAt(cut - 1))) {
      cut--;
    }
    return cut;
  }

  /** A sentence ends at . ! ? … (or their CJK forms) followed by whitespace, or at a newline. */
  private boolean isSentenceEnd(int i) {
    char c = pending.charAt(i);
    if (c == '\n' || c == '。' || c == '！' || c == '？') {
      return true;
    }
    if (c == '.' || c == '!' || c == '?' || c == '…') {
      return i + 1 < pending.length() && Character.isWhitespace(pending.charAt(i + 1));
    }
    return false;
  }
}
