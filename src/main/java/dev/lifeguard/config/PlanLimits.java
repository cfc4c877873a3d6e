package dev.lifeguard.config;

/** Requests a key may make per minute and per UTC day. */
public record PlanLimits(int perMinute, int perDay) {
  public static final int MAX = 100_000_000;

  static PlanLimits read(Settings s, String plan, PlanLimits defaults) {
    return new PlanLimits(
        s.intIn("plans." + plan + ".requests_per_minute", 1, MAX, defaults.perMinute()),
        s.intIn("plans." + plan + ".requests_per_day", 1, MAX, defaults.perDay()));
  }
}
