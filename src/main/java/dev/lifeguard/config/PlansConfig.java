package dev.lifeguard.config;

/**
 * Rate limits per plan, enforced across every instance sharing the database. Enterprise keys
 * usually carry their own limits (set through the admin API); these apply when they do not.
 */
public record PlansConfig(PlanLimits free, PlanLimits pro, PlanLimits enterprise) {

  public static final PlanLimits DEFAULT_FREE = new PlanLimits(10, 100);
  public static final PlanLimits DEFAULT_PRO = new PlanLimits(100, 10_000);
  /** A starting point for enterprise keys without limits of their own. */
  public static final PlanLimits DEFAULT_ENTERPRISE = new PlanLimits(1_000, 1_000_000);

  public static final PlansConfig DEFAULT = new PlansConfig(DEFAULT_FREE, DEFAULT_PRO, DEFAULT_ENTERPRISE);

  static PlansConfig read(Settings s) {
    return new PlansConfig(
        PlanLimits.read(s, "free", DEFAULT_FREE),
        PlanLimits.read(s, "pro", DEFAULT_PRO),
        PlanLimits.read(s, "enterprise", DEFAULT_ENTERPRISE));
  }
}
