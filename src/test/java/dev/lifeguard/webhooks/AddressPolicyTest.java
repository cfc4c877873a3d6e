package dev.lifeguard.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
  private final AddressPolicy strict = new AddressPolicy(false);
  private final AddressPolicy permissive = new AddressPolicy(true);

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void internal_ranges_are_recognised_in_both_families() {
    for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "198.18.0.1", "192.0.2.5", "255.255.255.255", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1",
        "fc00::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2001:db8::1")) {
      assertTrue(AddressPolicy.isInternal(ip(internal)), internal);
    }
    for (String external : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "64:ff9b::808:808")) {
      assertFalse(AddressPolicy.isInternal(ip(external)), external);
    }
  }

  @Test
  void every_resolved_address_must_be_public_unless_the_operator_allows_private_ones() {
    assertTrue(strict.check("h", List.of(ip("93.184.216.34"))).isEmpty());
    assertTrue(strict.check("h", List.of(ip("93.184.216.34"), ip("10.0.0.1"))).orElseThrow().contains("10.0.0.1"));
    assertTrue(permissive.check("h", List.of(ip("10.0.0.1"))).isEmpty());
    assertTrue(permissive.check("h", List.of()).orElseThrow().contains("does not resolve"));
  }

  @Test
  void https_is_required_except_on_localhost() throws Exception {
    assertEquals("https://hooks.example.com/x?y=1", strict.parse("https://hooks.example.com/x?y=1").toString());
    assertEquals("http://localhost:8080/x", strict.parse("http://localhost:8080/x").toString());
    assertEquals("http://127.0.0.1:9/x", strict.parse("http://127.0.0.1:9/x").toString());
    assertTrue(assertThrows(AddressPolicy.Rejected.class, () -> strict.parse("http://hooks.example.com/x")).getMessage().contains("https"));
    assertThrows(AddressPolicy.Rejected.class, () -> strict.parse("http://10.0.0.1/x"));
    assertThrows(AddressPolicy.Rejected.class, () -> strict.parse("ftp://hooks.example.com/x"));
    assertThrows(AddressPolicy.Rejected.class, () -> strict.parse("/relative"));
    assertThrows(AddressPolicy.Rejected.class, () -> strict.parse("https://user:pw@hooks.example.com/"));
    assertThrows(AddressPolicy.Rejected.class, () -> strict.parse("https://hooks.example.com/" + "a".repeat(3000)));
  }
}
