package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.accounts.Plan;
import dev.lifeguard.fuzz.FuzzChecks;

/**
 * The admin API's pure validators: a usage range bound ({@code from}, {@code to}) and a plan name are
 * read or refused with a 400, never another exception.
 */
class AdminParamsFuzzTest {

  @FuzzTest(maxDuration = FuzzChecks.CI_BUDGET)
  @DictionaryEntries({"2026-01-31", "T12:00:00Z", "+999999999-12-31", "-", ":", ".", "Z", "+01:00", "free", "pro",
      "enterprise"})
  void any_range_bound_or_plan_is_read_or_a_400(String text) throws Exception {
    FuzzChecks.bounded(text == null ? 0 : text.length() * 2L, () -> {
      try {
        AccountsAdminHandler.instant(text, "from");
      } catch (ApiError e) {
        FuzzChecks.clientError(e);
      }
      try {
        Plan.parse(text);
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage().startsWith("plan must be"), e.getMessage());
      }
    });
  }
}
