package dev.lifeguard.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lifeguard.bench.StubUpstream;
import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The short soak that CI runs: 40 s of a steady mixed load (screen, evaluate, /v1/safe plain and
 * streamed) through the real gateway to a stub upstream, with zero errors allowed. The 10-minute
 * soak at 70 % of capacity is `bench/soak.sh` (docs/RELIABILITY.md).
 */
class SoakIT {
  @Test
  void a_steady_mixed_load_gets_no_errors() throws Exception {
    assumeFalse(Boolean.getBoolean("nope-sdk.skip"), "node tests skipped (-Dnope-sdk.skip=true)");
    Vertx upstreamVertx = Vertx.vertx();
    int upstream = StubUpstream.start(upstreamVertx, 0, 5);
    String yaml = "upstream:\n  url: http://127.0.0.1:" + upstream + "/v1\n";
    try (TestGateway gateway = TestGateway.startWithYaml(upstreamVertx, yaml)) {
      String key = gateway.createKey("soak");
      NodeScript.Result result = NodeScript.run(Path.of("bench").toAbsolutePath(), "soak.mjs", List.of(),
          Map.of("BASE_URL", "http://127.0.0.1:" + gateway.port(), "KEY", key, "MODE", "rate", "RATE", "15",
              "SECONDS", "40", "REPORT_EVERY", "10", "GATEWAY_PID", Long.toString(ProcessHandle.current().pid())),
          Duration.ofMinutes(3), "[soak] ");
      assertEquals(0, result.exitCode(), result.output());
    } finally {
      upstreamVertx.close().await();
    }
  }
}
