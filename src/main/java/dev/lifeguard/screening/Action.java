package dev.lifeguard.screening;

/** What {@code /v1/safe} does with the model's reply. */
public enum Action {
  /** Release the reply as the model wrote it (after output screening). */
  PASS,
  /** Release it followed by crisis resources and a word of care. */
  AUGMENT,
  /** Never show it: answer with the recommended reply and resources instead. */
  REPLACE,
  /** Someone else is at risk: release it followed by guidance for a worried bystander. */
  BYSTANDER
}
