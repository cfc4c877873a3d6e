package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.config.LimitsConfig;
import dev.lifeguard.fuzz.FuzzChecks;
import io.vertx.core.buffer.Buffer;

/**
 * Any body either parses to a JSON object or is refused with a 400 that names the problem: never
 * another exception, never a 5xx, in time and memory proportional to its size.
 */
class JsonBodiesFuzzTest {
  /** Small limits, so the fuzzer reaches the depth limit with short inputs. */
  private static final LimitsConfig LIMITS = new LimitsConfig(4096, 8, 512, 8, 10);
  private static final JsonBodies JSON = new JsonBodies(LIMITS);

  @FuzzTest(maxDuration = FuzzChecks.CI_BUDGET)
  @DictionaryEntries({"{", "}", "[", "]", ":", ",", "true", "false", "null", "1e999", "-0", "/*", "//", "NaN",
      "Infinity", "00", "1.0e-400", "u0000", "ud800"})
  void any_body_parses_or_is_a_400(byte[] body) throws Exception {
    FuzzChecks.bounded(body.length, () -> {
      try {
        ObjectNode node = JSON.parseObject(Buffer.buffer(body));
        assertTrue(node.isObject());
      } catch (ApiError e) {
        FuzzChecks.clientError(e);
        assertTrue(e.status() == 400, () -> "a malformed body is a 400, not " + e.status());
      }
    });
  }
}
