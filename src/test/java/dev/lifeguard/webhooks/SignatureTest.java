package dev.lifeguard.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

  @Test
  void signs_timestamp_dot_body_with_hmac_sha256_in_hex() {
    // Reference value from Python: hmac.new(b"whsec_test", b'1700000000.{"event":"test.ping"}', hashlib.sha256).hexdigest()
    assertEquals("sha256=517adbf639a9986e7f8da4799f94a2ba6722aa4a7819c6c492cd199f08cd5caf",
        Signature.header("whsec_test", 1_700_000_000L, "{\"event\":\"test.ping\"}".getBytes(StandardCharsets.UTF_8)));
  }
}
