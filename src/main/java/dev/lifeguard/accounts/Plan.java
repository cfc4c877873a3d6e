package dev.lifeguard.accounts;

/** Pricing plans; limits per plan arrive with the accounts issue. */
public enum Plan {
  FREE, PRO, ENTERPRISE;

  public String wireName() {
    return name().toLowerCase();
  }

  public static Plan parse(String text) {
    for (Plan p : values()) {
      if (p.wireName().equals(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("plan must be one of free, pro, enterprise");
  }
}
