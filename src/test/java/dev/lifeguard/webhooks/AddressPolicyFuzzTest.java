package dev.lifeguard.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.fuzz.FuzzChecks;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The pure half of the webhook address rules (no DNS): any URL text is either a receiver URL of the
 * allowed form or {@link AddressPolicy.Rejected} with a message; any IPv4 or IPv6 address is
 * classified without failing, and a private policy refuses exactly the internal ones.
 */
class AddressPolicyFuzzTest {
  private static final AddressPolicy STRICT = new AddressPolicy(false);
  private static final AddressPolicy LENIENT = new AddressPolicy(true);

  @FuzzTest(maxDuration = FuzzChecks.CI_BUDGET)
  @DictionaryEntries({"https://", "http://", "localhost", "127.0.0.1", "[::1]", "@", "#", "?", ":443", "%2F",
      "[", "]", "::ffff:", "64:ff9b::", "user:pass@", "HTTPS://"})
  void any_url_is_a_receiver_or_rejected_and_any_address_is_classified(FuzzedDataProvider in) throws Exception {
    byte[] address = in.consumeBytes(in.consumeBoolean() ? 16 : 4);
    String url = in.consumeRemainingAsString();
    FuzzChecks.bounded(url.length() * 2L, () -> {
      try {
        URI uri = STRICT.parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        assertTrue(scheme.equals("https") || scheme.equals("http") && AddressPolicy.isLocalName(uri.getHost()));
        assertNotNull(uri.getHost());
        assertNull(uri.getRawUserInfo());
        assertNull(uri.getRawFragment());
        assertTrue(url.length() <= AddressPolicy.MAX_URL_LENGTH);
        assertTrue(!AddressPolicy.bareHost(uri).isEmpty());
      } catch (AddressPolicy.Rejected e) {
        assertTrue(e.getMessage() != null && e.getMessage().startsWith("url "), e.getMessage());
      }
      if (address.length == 4 || address.length == 16) {
        InetAddress a = InetAddress.getByAddress(address);
        boolean internal = AddressPolicy.isInternal(a);
        assertEquals(internal, STRICT.check("h", List.of(a)).isPresent());
        assertTrue(LENIENT.check("h", List.of(a)).isEmpty());
      }
    });
  }
}
