package dev.lifeguard.taxonomy;

/** {@code urgency} of child and vulnerable-adult safeguarding flags. Ascending order. */
public enum SafeguardingUrgency implements WireNamed {
  ROUTINE, PROMPT, URGENT, EMERGENCY;

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public static SafeguardingUrgency max(SafeguardingUrgency a, SafeguardingUrgency b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
