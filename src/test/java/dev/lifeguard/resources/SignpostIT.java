package dev.lifeguard.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The crisis-resource directory as API clients see it. */
@ExtendWith(VertxExtension.class)
class SignpostIT {
  private static TestGateway gateway;
  private static String key;

  @BeforeAll
  static void start(Vertx vertx) {
    gateway = TestGateway.start(vertx);
    key = gateway.createKey("signpost");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private JsonObject ok(String path) {
    HttpResponse<Buffer> r = gateway.get(path, key);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  @Test
  void us_lookup_includes_the_988_lifeline_first_among_verified_crisis_lines() {
    JsonObject body = ok("/v1/signpost?country=US");
    assertEquals("US", body.getString("country"));
    JsonArray resources = body.getJsonArray("resources");
    assertEquals(resources.size(), body.getInteger("count"));
    JsonObject first = resources.getJsonObject(0);
    assertEquals("988", first.getString("phone"));
    assertEquals("primary_national_crisis", first.getString("priority_tier"));
    assertTrue(first.getBoolean("verified"));
    assertEquals(List.of("US"), first.getJsonArray("country_codes").getList());
    assertEquals("Open 24/7", first.getJsonObject("open_status").getString("message"));
  }

  @Test
  void results_are_ordered_by_tier_then_verified_first_and_unverified_entries_say_so() {
    JsonArray resources = ok("/v1/signpost?country=GB&limit=50").getJsonArray("resources");
    List<String> tiers = List.of("primary_national_crisis", "secondary_national_crisis", "specialist", "regional");
    for (int i = 1; i < resources.size(); i++) {
      JsonObject prev = resources.getJsonObject(i - 1);
      JsonObject cur = resources.getJsonObject(i);
      int prevTier = tiers.indexOf(prev.getString("priority_tier"));
      int curTier = tiers.indexOf(cur.getString("priority_tier"));
      assertTrue(prevTier <= curTier, "tier order at " + i);
      if (prevTier == curTier) {
        assertFalse(!prev.getBoolean("verified") && cur.getBoolean("verified"), "verified before unverified at " + i);
      }
    }
    boolean sawUnverified = false;
    for (Object o : resources) {
      JsonObject r = (JsonObject) o;
      assertEquals(r.getBoolean("verified") ? "verified" : "unverified", r.getJsonObject("verification").getString("status"));
      sawUnverified |= !r.getBoolean("verified");
    }
    assertTrue(sawUnverified, "GB has unverified lines in the data set; they must be listed and marked");
  }

  @Test
  void the_emergency_number_is_always_available_and_first_when_urgent() {
    JsonObject plain = ok("/v1/signpost?country=US&scopes=suicide");
    assertEquals("911", plain.getJsonObject("emergency").getString("phone"));
    JsonObject urgent = ok("/v1/signpost?country=US&scopes=suicide&urgent=true");
    JsonObject first = urgent.getJsonArray("resources").getJsonObject(0);
    assertEquals("emergency_number", first.getString("type"));
    assertEquals("911", first.getString("phone"));
  }

  @Test
  void scopes_filter_to_matching_services() {
    JsonArray resources = ok("/v1/signpost?country=US&scopes=domestic_violence").getJsonArray("resources");
    assertFalse(resources.isEmpty());
    for (Object o : resources) {
      assertTrue(((JsonObject) o).getJsonArray("service_scope").contains("domestic_violence"));
    }
  }

  @Test
  void scoped_lookups_split_primary_matches_from_general_secondary_lines() {
    JsonObject body = ok("/v1/signpost?country=US&scopes=domestic_violence");
    assertEquals(List.of("domestic_violence"), body.getJsonArray("scopes_requested").getList());
    JsonArray primary = body.getJsonArray("primary");
    JsonArray secondary = body.getJsonArray("secondary");
    assertFalse(primary.isEmpty());
    assertTrue(secondary.stream().anyMatch(o -> "988".equals(((JsonObject) o).getString("phone"))), "988 as a general line");
    for (Object o : secondary) {
      assertFalse(primary.contains(o), "no resource is both primary and secondary");
    }
  }

  @Test
  void a_country_with_only_an_emergency_number_still_gets_it() {
    JsonObject body = ok("/v1/signpost?country=AD&scopes=suicide");
    assertNotNull(body.getJsonObject("emergency"));
    assertEquals("110", body.getJsonObject("emergency").getString("phone"));
  }

  @Test
  void limit_is_respected() {
    assertEquals(2, ok("/v1/signpost?country=GB&limit=2").getJsonArray("resources").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "GB", "CA", "AU", "IE", "NZ", "IN", "DE", "FR", "ES", "BR", "MX"})
  void focus_countries_have_helplines_and_an_emergency_number(String country) {
    JsonObject body = ok("/v1/signpost?country=" + country);
    assertFalse(body.getJsonArray("resources").isEmpty(), country);
    assertNotNull(body.getJsonObject("emergency"), country);
  }

  @Test
  void by_id_and_the_older_resources_twin_return_the_same_entry() {
    JsonObject byId = ok("/v1/signpost/us-988-suicide-crisis-lifeline").getJsonObject("resource");
    assertEquals("988 Suicide & Crisis Lifeline", byId.getString("name"));
    assertEquals(byId, ok("/v1/resources/us-988-suicide-crisis-lifeline").getJsonObject("resource"));
    assertEquals(ok("/v1/signpost?country=IE"), ok("/v1/resources?country=IE"));
  }

  @Test
  void unknown_id_is_a_404_with_the_id() {
    HttpResponse<Buffer> r = gateway.get("/v1/signpost/00000000-0000-4000-8000-000000000000", key);
    assertEquals(404, r.statusCode());
    assertEquals(new JsonObject().put("error", "Resource not found").put("id", "00000000-0000-4000-8000-000000000000"), r.bodyAsJsonObject());
  }

  @Test
  void countries_lists_every_country_in_the_directory() {
    JsonObject body = ok("/v1/signpost/countries");
    JsonArray countries = body.getJsonArray("countries");
    assertEquals(countries.size(), body.getInteger("count"));
    assertTrue(countries.size() >= 200);
    assertTrue(countries.contains("US") && countries.contains("XK"));
    IntStream.range(1, countries.size()).forEach(i -> assertTrue(countries.getString(i - 1).compareTo(countries.getString(i)) < 0));
  }

  @Test
  void invalid_scope_lists_the_offending_values() {
    HttpResponse<Buffer> r = gateway.get("/v1/signpost?country=GB&scopes=suicide,suicide_prevention", key);
    assertEquals(400, r.statusCode());
    assertEquals(List.of("suicide_prevention"), r.bodyAsJsonObject().getJsonArray("invalid_scopes").getList());
  }

  @Test
  void the_directory_requires_a_key() {
    assertEquals(401, gateway.get("/v1/signpost?country=US", null).statusCode());
  }
}
