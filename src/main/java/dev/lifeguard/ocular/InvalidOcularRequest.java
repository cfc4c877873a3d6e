package dev.lifeguard.ocular;

/** A request field Ocular cannot accept; the API answers 400 naming {@link #field()}. */
public final class InvalidOcularRequest extends RuntimeException {
  private final String field;

  public InvalidOcularRequest(String message, String field) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
