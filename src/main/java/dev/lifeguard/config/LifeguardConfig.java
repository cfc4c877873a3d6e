package dev.lifeguard.config;

/** The whole, validated, immutable configuration. Build it with {@link ConfigLoader}. */
public record LifeguardConfig(
    ServerConfig server,
    DatabaseConfig database,
    AdminConfig admin,
    LimitsConfig limits,
    UpstreamConfig upstream,
    PrivacyConfig privacy,
    InferenceConfig inference,
    ScreeningConfig screening,
    WebhooksConfig webhooks,
    PlansConfig plans,
    PricingConfig pricing,
    UsageConfig usage,
    ClusterConfig cluster) {

  static LifeguardConfig read(Settings s) {
    LifeguardConfig config = new LifeguardConfig(
        ServerConfig.read(s),
        DatabaseConfig.read(s),
        AdminConfig.read(s),
        LimitsConfig.read(s),
        UpstreamConfig.read(s),
        PrivacyConfig.read(s),
        InferenceConfig.read(s),
        ScreeningConfig.read(s),
        WebhooksConfig.read(s),
        PlansConfig.read(s),
        PricingConfig.read(s),
        UsageConfig.read(s),
        ClusterConfig.read(s));
    s.rejectUnknown();
    return config;
  }

  public LifeguardConfig withServer(ServerConfig server) {
    return new LifeguardConfig(server, database, admin, limits, upstream, privacy, inference, screening, webhooks, plans, pricing, usage, cluster);
  }

  public LifeguardConfig withDatabase(DatabaseConfig database) {
    return new LifeguardConfig(server, database, admin, limits, upstream, privacy, inference, screening, webhooks, plans, pricing, usage, cluster);
  }

  public LifeguardConfig withAdmin(AdminConfig admin) {
    return new LifeguardConfig(server, database, admin, limits, upstream, privacy, inference, screening, webhooks, plans, pricing, usage, cluster);
  }
}
