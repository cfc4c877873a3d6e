package dev.lifeguard.api;

import dev.lifeguard.config.LimitsConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The route table. Hygiene (ids, CORS, content type, size) runs before any handler does work. */
public final class Routes {
  private static final String LIMITS = "lifeguard.limits";

  private Routes() {}

  public static Router create(Vertx vertx, Services services) {
    Router router = Router.router(vertx);
    LimitsConfig limits = services.config().limits();

    router.route().handler(ctx -> {
      ctx.put(LIMITS, limits);
      ctx.next();
    });
    router.route().handler(RequestIds::handle);
    router.route().handler(Routes::rejectControlCharacters);
    router.route().handler(AccessLog::handle);
    router.route().handler(cors());

    HealthHandler health = new HealthHandler(services.pool(), services.classifier());
    router.get("/health/live").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create());

    // One route for every method (a method-restricted route would turn unknown paths into 405s).
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes());
    router.route().handler(ctx -> {
      if (BodyPolicy.hasBody(ctx.request().method())) {
        BodyPolicy.checkContentType(ctx, bodies);
      } else {
        ctx.next();
      }
    });

    // Every /v0 and /v1 route needs an API key, except the keyless demo routes under /v1/try.
    // Auth sits on each route (not one regex route) so metrics label requests by their own route.
    Handler<RoutingContext> auth = Auth.apiKeys(services.authenticator(), new Metering(services)::handle);
    SignpostHandler signpost = new SignpostHandler(services.directory());
    for (String base : new String[] {"/v1/signpost", "/v1/resources"}) {
      router.get(base).handler(auth).handler(signpost::search);
      router.get(base + "/countries").handler(auth).handler(signpost::countries);
      router.get(base + "/:id").handler(auth).handler(signpost::byId);
    }

    ScreenHandler screen = new ScreenHandler(services);
    router.post("/v1/screen").handler(auth).handler(screen::handle);
    router.post("/v0/screen").handler(auth).handler(screen::handle);
    router.post("/v1/evaluate").handler(auth).handler(new EvaluateHandler(services, false)::handle);
    Handler<RoutingContext> demoLimit = TryGate.handler(services.demoLimiter());
    router.post("/v1/try/evaluate").handler(demoLimit).handler(new EvaluateHandler(services, true)::handle);
    router.post("/v1/ocular").handler(auth).handler(new OcularHandler(services, false)::handle);
    router.post("/v1/try/ocular").handler(demoLimit).handler(new OcularHandler(services, true)::handle);
    SafeHandler safe = new SafeHandler(services);
    for (String path : new String[] {"/v1/safe", "/v1/safe/chat/completions", "/v1/chat/completions"}) {
      router.post(path).handler(auth).handler(safe::handle);
    }
    WebhooksHandler.mount(router, auth, vertx, services);
    ModelsHandler models = new ModelsHandler(services.upstream());
    router.get("/v1/models").handler(auth).handler(models::handle);
    router.get("/v1/safe/models").handler(auth).handler(models::handle);

    services.config().admin().token().ifPresent(token -> {
      AdminHandler admin = new AdminHandler(services.keys(), services.json());
      router.route("/admin/*").handler(Auth.admin(token));
      router.post("/admin/v1/keys").handler(admin::create);
      router.get("/admin/v1/keys").handler(admin::list);
      router.delete("/admin/v1/keys/:id").handler(admin::revoke);
      AccountsAdminHandler accounts = new AccountsAdminHandler(services);
      router.get("/admin/v1/keys/:id").handler(accounts::key);
      router.patch("/admin/v1/keys/:id").handler(accounts::update);
      router.post("/admin/v1/keys/:id/balance").handler(accounts::addBalance);
      router.get("/admin/v1/balances").handler(accounts::balances);
      router.get("/admin/v1/usage").handler(accounts::usage);
      DashboardHandler.mount(router, services);
    });

    router.route().failureHandler(ErrorResponder::handle);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, ErrorResponder::handle);
    }
    return router;
  }

  /**
   * An inference node's listener ({@code --role inference}): liveness, readiness and metrics only.
   * It serves no API: conversations reach it over the cluster's event bus, never over HTTP. Its
   * classifier workers are deployed before it listens, so listening means ready.
   */
  public static Router inferenceNode(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(RequestIds::handle);
    router.route().handler(AccessLog::handle);
    JsonObject up = new JsonObject().put("status", "UP").put("role", "inference");
    router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, up));
    router.get("/health/ready").handler(ctx -> Responses.json(ctx, 200, up));
    router.get("/metrics").handler(PrometheusScrapingHandler.create());
    router.route().failureHandler(ErrorResponder::handle);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, ErrorResponder::handle);
    }
    return router;
  }

  /**
   * A path parameter with a control character (e.g. {@code %00}) would reach PostgreSQL, which cannot
   * store NUL in text and fails the query: the caller gets a 400 instead of a 500.
   */
  private static void rejectControlCharacters(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && path.indexOf('%') >= 0) {
      try {
        if (URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8).chars().anyMatch(Character::isISOControl)) {
          ctx.fail(ApiError.badRequest("The path contains a control character", null));
          return;
        }
      } catch (IllegalArgumentException malformed) {
        // left to the router, which answers malformed escapes itself
      }
    }
    ctx.next();
  }

  static LimitsConfig limits(RoutingContext ctx) {
    LimitsConfig limits = ctx.get(LIMITS);
    return limits != null ? limits : LimitsConfig.DEFAULT;
  }

  /** Browsers may call the API directly; they must be able to send keys and read the risk headers. */
  private static CorsHandler cors() {
    return CorsHandler.create()
        .addOrigin("*")
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS))
        .allowedHeaders(Set.of("Authorization", "Content-Type", "X-Request-Id", "OpenAI-Organization", "OpenAI-Project"))
        .exposedHeaders(Set.of("X-NOPE-Risk-Level", "X-NOPE-Confidence", "X-NOPE-Version", "X-NOPE-Action", "X-Request-Id",
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After",
            "X-Cost", "X-Cost-Mills", "X-Balance", "X-Balance-Mills"))
        .maxAgeSeconds(600);
  }
}
