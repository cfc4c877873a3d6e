package dev.lifeguard.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where deliveries may go. A receiver URL is {@code https}, or {@code http} on {@code localhost} /
 * loopback literals; every address its host resolves to must be public unless the operator allows
 * private addresses. Checked when a webhook is saved and again before each delivery, because DNS
 * answers change (rebinding).
 */
public final class AddressPolicy {
  /** Longer URLs are not receivers anyone runs; they are stored and sent with every delivery. */
  public static final int MAX_URL_LENGTH = 2048;

  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** A URL that broke the rules, with a message for the caller. */
  public static final class Rejected extends Exception {
    public Rejected(String message) {
      super(message, null, false, false);
    }
  }

  /** The URL's form: scheme, host, no credentials or fragment. Addresses are checked separately. */
  public URI parse(String text) throws Rejected {
    if (text == null || text.isBlank()) {
      throw new Rejected("url is required: the https URL that receives the events");
    }
    if (text.length() > MAX_URL_LENGTH) {
      throw new Rejected("url must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new Rejected("url is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new Rejected("url must be an absolute https:// URL with a host");
    }
    if (scheme.equals("http") && !isLocalName(uri.getHost())) {
      throw new Rejected("url must use https (http is allowed only for localhost and 127.0.0.1)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Rejected("url must not contain credentials; authenticate deliveries with the signature");
    }
    if (uri.getRawFragment() != null) {
      throw new Rejected("url must not contain a fragment (#...)");
    }
    return uri;
  }

  /** Empty when every address may be delivered to; otherwise why not. */
  public Optional<String> check(String host, List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      return Optional.of("host " + host + " does not resolve");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        return Optional.of("host " + host + " resolves to a private or internal address ("
            + address.getHostAddress() + "); the operator has not allowed private receivers");
      }
    }
    return Optional.empty();
  }

  /** The host as the resolver wants it (IPv6 literals without brackets). */
  public static String bareHost(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  static boolean isLocalName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
  }

  /** Loopback, private, link-local (cloud metadata), shared, reserved, documentation and multicast ranges. */
  static boolean isInternal(InetAddress a) {
    if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int o0 = b[0] & 0xff;
      int o1 = b[1] & 0xff;
      int o2 = b[2] & 0xff;
      return o0 == 0                                   // "this" network
          || o0 == 100 && o1 >= 64 && o1 <= 127        // carrier-grade NAT 100.64/10
          || o0 == 192 && o1 == 0 && (o2 == 0 || o2 == 2) // IETF protocol assignments, TEST-NET-1
          || o0 == 198 && (o1 == 18 || o1 == 19)       // benchmarking 198.18/15
          || o0 == 198 && o1 == 51 && o2 == 100        // TEST-NET-2
          || o0 == 203 && o1 == 0 && o2 == 113         // TEST-NET-3
          || o0 >= 240;                                // reserved, broadcast
    }
    if (a instanceof Inet6Address v6) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {                    // unique local fc00::/7
        return true;
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
        return true;                                   // documentation 2001:db8::/32
      }
      if (v6.isIPv4CompatibleAddress() || isNat64(b)) {
        return isInternal(embeddedV4(b));
      }
    }
    return false;
  }

  private static boolean isNat64(byte[] b) {
    // 64:ff9b::/96 carries an IPv4 address in its last 32 bits.
    if ((b[0] & 0xff) != 0 || (b[1] & 0xff) != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
      return false;
    }
    for (int i = 4; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress embeddedV4(byte[] b) {
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
