package dev.lifeguard.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  @Test
  void live_and_test_keys_have_their_prefix_and_at_least_32_random_characters() {
    String live = ApiKeys.generate(false);
    String test = ApiKeys.generate(true);
    assertTrue(live.startsWith("nope_live_"));
    assertTrue(test.startsWith("nope_test_"));
    assertTrue(live.length() - "nope_live_".length() >= 32);
    assertTrue(ApiKeys.wellFormed(live) && ApiKeys.wellFormed(test));
    assertTrue(ApiKeys.isTest(test));
    assertFalse(ApiKeys.isTest(live));
  }

  @Test
  void keys_do_not_repeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(ApiKeys.generate(false)));
    }
  }

  @Test
  void hashes_are_sha256_and_stable() {
    String key = ApiKeys.generate(false);
    assertEquals(32, ApiKeys.hash(key).length);
    assertArrayEquals(ApiKeys.hash(key), ApiKeys.hash(key));
    assertNotEquals(new String(ApiKeys.hash(key)), new String(ApiKeys.hash(key + "x")));
  }

  @Test
  void malformed_keys_are_rejected_before_any_lookup() {
    assertFalse(ApiKeys.wellFormed(null));
    assertFalse(ApiKeys.wellFormed("sk-abc"));
    assertFalse(ApiKeys.wellFormed("nope_live_short"));
    assertFalse(ApiKeys.wellFormed("nope_live_" + "a".repeat(31)));
    assertFalse(ApiKeys.wellFormed("nope_live_" + "a".repeat(31) + "!"));
    assertFalse(ApiKeys.wellFormed("nope_live_" + "a".repeat(300)));
    assertTrue(ApiKeys.wellFormed("nope_live_" + "a".repeat(32)));
  }

  @Test
  void the_display_prefix_reveals_only_four_characters_of_the_secret() {
    String key = ApiKeys.generate(false);
    assertEquals(key.substring(0, "nope_live_".length() + 4), ApiKeys.displayPrefix(key));
  }
}
