package dev.lifeguard.assessment.evidence;

/** A raw match of a pattern row in one folded message. */
record Hit(PatternRow row, int start, int end) {

  boolean overlaps(int from, int to) {
    return start < to && from < end;
  }

  boolean within(int from, int to) {
    return start >= from && end <= to;
  }

  int length() {
    return end - start;
  }
}
