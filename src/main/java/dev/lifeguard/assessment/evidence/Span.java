package dev.lifeguard.assessment.evidence;

/** Where evidence sits: a message index and a character range [start, end) of that message's content. */
public record Span(int message, int start, int end) {
  public Span {
    if (message < 0 || start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + message + ":" + start + "-" + end);
    }
  }

  public boolean overlaps(Span other) {
    return message == other.message && start < other.end && other.start < end;
  }

  public int length() {
    return end - start;
  }
}
