package dev.lifeguard.assessment;

/** The older API's safeguarding booleans, computed from the same facts as {@link LegalFlags}. */
public record SafeguardingFlags(boolean childAtRisk, boolean adultAtRisk, boolean dutyToWarnOthers,
    boolean mandatoryReportingPossible) {

  public static SafeguardingFlags none() {
    return new SafeguardingFlags(false, false, false, false);
  }
}
