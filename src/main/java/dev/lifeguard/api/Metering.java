package dev.lifeguard.api;

import dev.lifeguard.accounts.KeyRecord;
import dev.lifeguard.accounts.Meter;
import dev.lifeguard.accounts.Money;
import dev.lifeguard.accounts.UsageLog;
import dev.lifeguard.accounts.UsageRecord;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.config.PlanLimits;
import dev.lifeguard.config.PlansConfig;
import dev.lifeguard.config.PricingConfig;
import dev.lifeguard.taxonomy.Severity;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs after authentication on every keyed route: admits the call against the key's rate limits and
 * charges its price ({@link Meter}, one statement), writes the limit and billing headers, refunds a
 * charged call that ends in an error, and writes a usage record for every call whose handler does
 * not write its own.
 *
 * <p>Refund rule: a call is charged when admitted; if its answer has a status of 400 or more (the
 * request was invalid, or the gateway could not do the work: 503 and every 5xx), the charge is given
 * back, and the answer's {@code X-Cost} is {@code $0}. Once a status of 200 has been sent (a stream
 * under way) the call stays charged. Refunded calls still count against the rate limits.
 */
public final class Metering {
  private static final Logger LOG = LoggerFactory.getLogger(Metering.class);
  private static final String CHARGED = "lifeguard.charged_mills";
  private static final String BALANCE = "lifeguard.balance_mills";
  private static final String RECORDED = "lifeguard.usage_recorded";
  private static final String NOTES = "lifeguard.usage_notes";

  /** What a handler knows about its call that the generic usage record should keep (no content). */
  public record Notes(Optional<String> overallSeverity, Optional<String> speakerSeverity, Optional<String> verdict,
      Optional<List<String>> riskTypes, UsageRecord.Identity identity) {
    static final Notes NONE = new Notes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        UsageRecord.Identity.NONE);
  }

  private final Meter meter;
  private final PlansConfig plans;
  private final PricingConfig pricing;
  private final UsageLog usage;

  public Metering(Services services) {
    this.meter = services.meter();
    this.plans = services.config().plans();
    this.pricing = services.config().pricing();
    this.usage = services.usage();
  }

  public void handle(RoutingContext ctx) {
    KeyRecord key = Auth.key(ctx);
    long started = System.nanoTime();
    String route = ctx.currentRoute() == null ? ctx.request().path() : ctx.currentRoute().getPath();
    long price = key.test() ? 0 : price(route);
    ctx.addHeadersEndHandler(v -> refundIfFailed(ctx, key));
    ctx.addBodyEndHandler(v -> recordUnlessRecorded(ctx, key, route, started));
    meter.admit(key.id(), limits(plans, key), price).onComplete(result -> {
      if (result.failed()) {
        LOG.warn("event=meter_unavailable request_id={} error={}", RequestIds.of(ctx), result.cause().toString());
        ctx.fail(ApiError.serviceUnavailable("The database is unavailable. Retry shortly.", Stores.RETRY_AFTER_SECONDS));
        return;
      }
      Meter.Admission a = result.result();
      HttpServerResponse response = ctx.response();
      rateHeaders(response, a.window());
      switch (a.outcome()) {
        case ADMITTED -> {
          ctx.put(CHARGED, a.chargedMills());
          ctx.put(BALANCE, a.balanceMills());
          billingHeaders(response, a.chargedMills(), a.billing(), a.balanceMills());
          ctx.next();
        }
        case RATE_LIMITED -> {
          billingHeaders(response, 0, a.billing(), a.balanceMills());
          ctx.fail(ApiError.rateLimited(a.window().limit(), a.window().resetEpochMillis(),
              a.window().retryAfterSeconds(System.currentTimeMillis())));
        }
        case INSUFFICIENT_BALANCE -> ctx.fail(ApiError.insufficientBalance(price, a.balanceMills(),
            pricing.topupUrl().map(URI::toString)));
      }
    });
  }

  /** The charge of this call so far (0 for unmetered keys, test keys, keyless routes and refunded calls). */
  public static long chargedMills(RoutingContext ctx) {
    Long charged = ctx.get(CHARGED);
    return charged == null ? 0 : charged;
  }

  /** A handler that wrote this call's usage record itself says so, and the generic record is skipped. */
  public static void recorded(RoutingContext ctx) {
    ctx.put(RECORDED, Boolean.TRUE);
  }

  /** Severity, verdict and ids for the generic usage record of a handler that does not write its own. */
  public static void note(RoutingContext ctx, Notes notes) {
    ctx.put(NOTES, notes);
  }

  /** The risk types an assessment found (wire names, most serious first, each once) for the usage record. */
  public static Optional<List<String>> riskTypes(Assessment a) {
    return Optional.of(a.risks().stream().filter(r -> r.severity() != Severity.NONE)
        .map(r -> r.type().wireName()).distinct().toList());
  }

  /** A key's own limits where the admin set them, else its plan's. */
  static PlanLimits limits(PlansConfig plans, KeyRecord key) {
    PlanLimits plan = switch (key.plan()) {
      case FREE -> plans.free();
      case PRO -> plans.pro();
      case ENTERPRISE -> plans.enterprise();
    };
    return new PlanLimits(key.rateLimitPerMinute().orElse(plan.perMinute()), key.rateLimitPerDay().orElse(plan.perDay()));
  }

  /** The price of a route; routes without a price of their own (key and webhook management) are free. */
  long price(String route) {
    if (route == null) {
      return 0;
    }
    if (route.endsWith("/evaluate")) {
      return pricing.evaluateMills();
    }
    if (route.endsWith("/screen")) {
      return pricing.screenMills();
    }
    if (route.startsWith("/v1/ocular")) {
      return pricing.ocularMills();
    }
    if (route.endsWith("/models")) {
      return pricing.modelsMills();
    }
    if (route.equals("/v1/safe") || route.equals("/v1/safe/chat/completions") || route.equals("/v1/chat/completions")) {
      return pricing.safeMills();
    }
    if (route.startsWith("/v1/signpost") || route.startsWith("/v1/resources")) {
      return pricing.signpostMills();
    }
    return 0;
  }

  private void refundIfFailed(RoutingContext ctx, KeyRecord key) {
    long charged = chargedMills(ctx);
    if (charged == 0 || ctx.response().getStatusCode() < 400) {
      return;
    }
    ctx.put(CHARGED, 0L);
    long balance = ctx.<Long>get(BALANCE) + charged;
    billingHeaders(ctx.response(), 0, true, balance);
    meter.refund(key.id(), charged).onFailure(e -> LOG.error("event=refund_failed key_id={} mills={} request_id={} error={}",
        key.id(), charged, RequestIds.of(ctx), e.toString()));
  }

  private void recordUnlessRecorded(RoutingContext ctx, KeyRecord key, String route, long started) {
    if (ctx.get(RECORDED) != null) {
      return;
    }
    Notes notes = ctx.get(NOTES) == null ? Notes.NONE : ctx.get(NOTES);
    UsageRecord record = new UsageRecord(RequestIds.of(ctx), Optional.of(key.id()), route, ctx.response().getStatusCode(),
        notes.overallSeverity(), notes.speakerSeverity(), notes.verdict(), notes.riskTypes(),
        (System.nanoTime() - started) / 1_000_000, chargedMills(ctx), notes.identity(), Optional.empty());
    usage.record(record, Optional.empty()).onFailure(e -> LOG.warn("event=usage_record_failed request_id={} error={}",
        RequestIds.of(ctx), e.toString()));
  }

  private static void rateHeaders(HttpServerResponse response, Meter.Window window) {
    response.putHeader("X-RateLimit-Limit", Integer.toString(window.limit()))
        .putHeader("X-RateLimit-Remaining", Integer.toString(window.remaining()))
        .putHeader("X-RateLimit-Reset", Long.toString(window.resetEpochMillis()));
  }

  /** The balance headers only for keys with prepaid billing: an unmetered key has no balance to show. */
  private static void billingHeaders(HttpServerResponse response, long costMills, boolean billing, long balanceMills) {
    response.putHeader("X-Cost", Money.dollars(costMills)).putHeader("X-Cost-Mills", Long.toString(costMills));
    if (billing) {
      response.putHeader("X-Balance", Money.dollars(balanceMills)).putHeader("X-Balance-Mills", Long.toString(balanceMills));
    }
  }
}
