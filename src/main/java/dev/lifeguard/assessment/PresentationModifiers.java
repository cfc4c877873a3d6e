package dev.lifeguard.assessment;

/** Presentations that change how a response should be pitched. */
public record PresentationModifiers(boolean psychoticFeatures, boolean substanceInvolved,
    boolean cognitiveImpairment) {

  public static PresentationModifiers none() {
    return new PresentationModifiers(false, false, false);
  }
}
