package dev.lifeguard.resources;

import static dev.lifeguard.testing.Assessments.risk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.store.Database;
import dev.lifeguard.store.Migrations;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import dev.lifeguard.testing.Assessments;
import dev.lifeguard.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which directory entries a conversation gets, for hand-built assessments (no classifier judgement involved). */
class ResourceMatcherIT {
  private static final List<String> FOCUS = List.of("US", "GB", "CA", "AU", "IE", "NZ", "IN", "DE", "FR", "ES", "BR", "MX");
  private static Vertx vertx;
  private static Pool pool;
  private static ResourceMatcher matcher;

  private final Assessment suicidalModerate = Assessments.of(
      risk(RiskType.SUICIDE, Subject.SELF, Severity.MODERATE, Imminence.SUBACUTE, "passive_ideation"));
  private final Assessment suicidalCritical = Assessments.of(
      risk(RiskType.SUICIDE, Subject.SELF, Severity.CRITICAL, Imminence.EMERGENCY, "active_attempt"));

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pool = Database.createPool(vertx, TestDatabase.fresh(), ConfigLoader.defaults(Map.of()).database());
    Migrations.apply(pool).await();
    DirectoryImporter.importInto(pool, DirectoryImporter.readBundle()).await();
    matcher = new ResourceMatcher(new CrisisDirectory(pool));
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    vertx.close().await();
  }

  private MatchedResources match(Assessment a, String country, String language, AgeBand band) {
    return matcher.match(a, new ResourceMatcher.Request(Optional.ofNullable(country), Optional.ofNullable(language), band)).await();
  }

  @Test
  void every_focus_country_gets_its_own_suicide_line_first_with_a_reason() {
    for (String country : FOCUS) {
      MatchedResources m = match(suicidalModerate, country, null, AgeBand.ADULT);
      JsonObject primary = m.primary().orElseThrow(() -> new AssertionError("no resource for " + country));
      assertEquals(country, primary.getJsonArray("country_codes").getString(0), country);
      assertEquals("primary_national_crisis", primary.getString("priority_tier"), country + ": " + primary.getString("name"));
      assertTrue(primary.getString("why").contains("suicidal thoughts"), primary.getString("why"));
      m.all().forEach(r -> assertFalse(r.getString("why", "").isBlank(), "every entry says why: " + r.getString("name")));
      assertTrue(m.emergency().isEmpty(), "no emergency number at moderate severity for " + country);
    }
    assertEquals("988", match(suicidalModerate, "US", "en", AgeBand.ADULT).primary().get().getString("phone"));
  }

  @Test
  void critical_risk_happening_now_puts_the_emergency_number_first() {
    MatchedResources m = match(suicidalCritical, "GB", "en", AgeBand.ADULT);
    assertEquals("emergency_number", m.primary().get().getString("type"));
    assertEquals("999", m.primary().get().getString("phone"));
    assertEquals("Samaritans", m.secondary().get(0).getString("name"), "the crisis line follows");

    Assessment high = Assessments.of(risk(RiskType.SUICIDE, Subject.SELF, Severity.HIGH, Imminence.URGENT, "plan_present"));
    MatchedResources h = match(high, "US", "en", AgeBand.ADULT);
    assertEquals("988", h.primary().get().getString("phone"), "the crisis line stays first when not happening now");
    assertEquals("911", h.secondary().get(0).getString("phone"));
  }

  @Test
  void minors_get_youth_services_first() {
    MatchedResources adult = match(suicidalModerate, "GB", "en", AgeBand.ADULT);
    MatchedResources minor = match(suicidalModerate, "GB", "en", AgeBand.MINOR);
    assertEquals("Samaritans", adult.primary().get().getString("name"));
    assertTrue(minor.primary().get().getJsonArray("population_served").stream().anyMatch(p -> List.of("youth", "children").contains(p)),
        minor.primary().get().encode());
    assertTrue(minor.primary().get().getString("why").contains("young people"));
  }

  @Test
  void each_risk_type_reaches_its_own_services() {
    Assessment abuse = Assessments.of(risk(RiskType.ABUSE, Subject.SELF, Severity.HIGH, Imminence.SUBACUTE, "physical_abuse"));
    MatchedResources m = match(abuse, "US", "en", AgeBand.ADULT);
    assertTrue(m.primary().get().getJsonArray("service_scope").contains("domestic_violence"), m.primary().get().encode());
    assertTrue(m.primary().get().getString("why").contains("abuse"));

    Assessment both = Assessments.of(
        risk(RiskType.SUICIDE, Subject.SELF, Severity.HIGH, Imminence.SUBACUTE, "plan_present"),
        risk(RiskType.ABUSE, Subject.SELF, Severity.MODERATE, Imminence.CHRONIC, "physical_abuse"));
    MatchedResources b = match(both, "US", "en", AgeBand.ADULT);
    assertEquals("988", b.primary().get().getString("phone"), "the most serious risk decides the primary");
    assertTrue(b.secondary().stream().anyMatch(r -> r.getJsonArray("service_scope").contains("domestic_violence")),
        "the second risk is served too");
  }

  @Test
  void no_resources_below_moderate_or_without_a_country() {
    Assessment mild = Assessments.of(risk(RiskType.SUICIDE, Subject.SELF, Severity.MILD, Imminence.CHRONIC));
    assertTrue(match(mild, "US", "en", AgeBand.ADULT).isEmpty());
    assertTrue(match(Assessments.of(), "US", "en", AgeBand.ADULT).isEmpty());
    assertTrue(match(suicidalCritical, null, "en", AgeBand.ADULT).isEmpty(), "never a guessed country");
  }
}
