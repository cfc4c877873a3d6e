package dev.lifeguard.assessment.ladder;

/** Context names that ladders and flags read (the detectors' context markers, plus the speaker's age). */
public final class Contexts {
  private Contexts() {}

  public static final String PARTNER = "partner";
  public static final String EX_PARTNER = "ex_partner";
  public static final String FAMILY = "family";
  public static final String INSTITUTION = "institution";
  public static final String CHILD = "child";
  public static final String VULNERABLE_ADULT = "vulnerable_adult";
  public static final String ANIMAL = "animal";
  public static final String ONLINE = "online";
  public static final String STRANGER = "stranger";
  /** The speaker is under 18: stated in the text or by the caller's age band. */
  public static final String SPEAKER_MINOR = "speaker_minor";
}
