package dev.lifeguard.config;

/** An invalid or unreadable setting. The message is one line that names the setting, the value and what is allowed. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  static ConfigException invalid(String setting, String shownValue, String allowed) {
    return new ConfigException("invalid setting " + setting + " = " + shownValue + ": " + allowed);
  }
}
