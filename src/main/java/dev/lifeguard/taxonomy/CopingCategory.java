package dev.lifeguard.taxonomy;

/** {@code coping_recommendations[].category} of the evaluate API. */
public enum CopingCategory implements WireNamed {
  SELF_SOOTHING("Calming, grounding and distraction the person can do alone"),
  SOCIAL_SUPPORT("Reaching out to friends, family or peers"),
  PROFESSIONAL_SUPPORT("Crisis lines, clinicians, specialist services"),
  SAFETY_PLANNING("A written plan of warning signs, coping steps and contacts"),
  MEANS_SAFETY("Putting lethal means out of reach");

  private final String description;

  CopingCategory(String description) {
    this.description = description;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public String description() {
    return description;
  }
}
