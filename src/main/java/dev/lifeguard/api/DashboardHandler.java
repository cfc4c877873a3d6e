package dev.lifeguard.api;

import dev.lifeguard.accounts.UsageReport;
import dev.lifeguard.dashboard.DashboardReport;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.time.Instant;

/**
 * The operator dashboard: a static page at {@code /dashboard/} (HTML, script and styles from the
 * classpath, no data and no secrets in them) and its data at {@code GET /admin/v1/dashboard}, which
 * the admin token guards like the rest of {@code /admin}. Mounted only when an admin token is set.
 */
public final class DashboardHandler {
  static final Duration DEFAULT_RANGE = Duration.ofHours(24);
  /** The page loads only its own files and calls only its own origin; nothing may frame it. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final int PAGE_MAX_AGE_SECONDS = 300;

  private final DashboardReport report;

  private DashboardHandler(DashboardReport report) {
    this.report = report;
  }

  /** The page routes and the data route; the caller has already put the admin check on {@code /admin/*}. */
  static void mount(Router router, Services services) {
    DashboardHandler dashboard = new DashboardHandler(new DashboardReport(services.pool()));
    router.get("/admin/v1/dashboard").handler(dashboard::data);
    // "/dashboard" also matches "/dashboard/": only the bare path is sent on to the page's directory.
    router.get("/dashboard").handler(ctx -> {
      if (ctx.request().path().endsWith("/")) {
        ctx.next();
      } else {
        ctx.redirect("/dashboard/");
      }
    });
    router.get("/dashboard/*").handler(DashboardHandler::pageHeaders).handler(StaticHandler.create("dashboard")
        .setDefaultContentEncoding("UTF-8")
        .setMaxAgeSeconds(PAGE_MAX_AGE_SECONDS));
  }

  /** {@code ?from=&to=}: instants or UTC dates, as for {@code /admin/v1/usage}; default the last 24 hours. */
  void data(RoutingContext ctx) {
    Instant to = AccountsAdminHandler.instant(ctx.request().getParam("to"), "to").orElse(Instant.now());
    Instant from = AccountsAdminHandler.instant(ctx.request().getParam("from"), "from").orElse(to.minus(DEFAULT_RANGE));
    if (!from.isBefore(to)) {
      throw ApiError.badRequest("from must be before to", "from");
    }
    if (Duration.between(from, to).compareTo(UsageReport.MAX_RANGE) > 0) {
      throw ApiError.badRequest("The range may span at most " + UsageReport.MAX_RANGE.toDays() + " days", "from");
    }
    report.build(from, to)
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private static void pageHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer");
    ctx.next();
  }
}
