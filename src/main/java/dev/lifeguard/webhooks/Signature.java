package dev.lifeguard.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The documented signature: {@code X-NOPE-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw_body)>},
 * the timestamp being {@code X-NOPE-Timestamp} (unix seconds).
 */
public final class Signature {
  public static final String PREFIX = "sha256=";

  private Signature() {}

  public static String header(String secret, long timestampSeconds, byte[] body) {
    return PREFIX + hex(secret, timestampSeconds, body);
  }

  static String hex(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
    }
  }
}
