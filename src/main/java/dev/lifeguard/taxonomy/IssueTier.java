package dev.lifeguard.taxonomy;

/** Tiers of the proposed-response issue taxonomy, each with the recommendation it calls for. */
public enum IssueTier implements WireNamed {
  /** May directly increase harm: replace. */
  CRITICAL("replace"),
  /** Undermines trust or recovery: replace or augment. */
  SERIOUS("replace"),
  /** Reduces helpfulness: augment or use. */
  CONCERNING("augment");

  private final String strongestRecommendation;

  IssueTier(String strongestRecommendation) {
    this.strongestRecommendation = strongestRecommendation;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  /** The strongest recommendation ({@code use|augment|replace}) an issue of this tier warrants. */
  public String strongestRecommendation() {
    return strongestRecommendation;
  }
}
