package dev.lifeguard.taxonomy;

/** {@code coping_recommendations[].evidence_grade}: how well the research supports a recommendation. */
public enum EvidenceGrade implements WireNamed {
  STRONG, MODERATE, WEAK, CONSENSUS, NONE;

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }
}
