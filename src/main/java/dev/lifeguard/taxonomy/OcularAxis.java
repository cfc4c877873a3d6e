package dev.lifeguard.taxonomy;

import java.util.Optional;

/** Ocular's eight user-risk axes; {@code harm_to_others} is violence, and neglect has no axis of its own. */
public enum OcularAxis implements WireNamed {
  SUICIDE(RiskType.SUICIDE),
  SELF_HARM(RiskType.SELF_HARM),
  HARM_TO_OTHERS(RiskType.VIOLENCE),
  ABUSE(RiskType.ABUSE),
  SEXUAL_VIOLENCE(RiskType.SEXUAL_VIOLENCE),
  EXPLOITATION(RiskType.EXPLOITATION),
  STALKING(RiskType.STALKING),
  SELF_NEGLECT(RiskType.SELF_NEGLECT);

  private final RiskType type;

  OcularAxis(RiskType type) {
    this.type = type;
  }

  @Override
  public String wireName() {
    return WireNamed.lower(this);
  }

  public RiskType riskType() {
    return type;
  }

  /** The axis that shows a risk type; neglect of dependents has none. */
  public static Optional<OcularAxis> of(RiskType type) {
    for (OcularAxis axis : values()) {
      if (axis.type == type) {
        return Optional.of(axis);
      }
    }
    return Optional.empty();
  }
}
