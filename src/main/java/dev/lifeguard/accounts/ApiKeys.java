package dev.lifeguard.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Key format, generation and hashing. Keys are {@code nope_live_} or {@code nope_test_} + 40 base-62 characters. */
public final class ApiKeys {
  public static final String LIVE_PREFIX = "nope_live_";
  public static final String TEST_PREFIX = "nope_test_";
  /** 40 base-62 characters ≈ 238 bits of entropy. */
  public static final int SECRET_LENGTH = 40;
  /** How much of a key is kept in clear to let operators tell keys apart: the prefix and 4 characters. */
  public static final int SHOWN_CHARACTERS = 4;

  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  public static String generate(boolean test) {
    StringBuilder key = new StringBuilder(test ? TEST_PREFIX : LIVE_PREFIX);
    for (int i = 0; i < SECRET_LENGTH; i++) {
      key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return key.toString();
  }

  /** Cheap shape check before any lookup: a prefix and at least 32 base-62 characters. */
  public static boolean wellFormed(String key) {
    if (key == null || key.length() > 200) {
      return false;
    }
    String secret;
    if (key.startsWith(LIVE_PREFIX)) {
      secret = key.substring(LIVE_PREFIX.length());
    } else if (key.startsWith(TEST_PREFIX)) {
      secret = key.substring(TEST_PREFIX.length());
    } else {
      return false;
    }
    return secret.length() >= 32 && secret.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
  }

  public static boolean isTest(String key) {
    return key.startsWith(TEST_PREFIX);
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** What may be displayed of a key after creation, e.g. {@code nope_live_Ab3x…}. */
  public static String displayPrefix(String key) {
    int end = (isTest(key) ? TEST_PREFIX : LIVE_PREFIX).length() + SHOWN_CHARACTERS;
    return key.substring(0, end);
  }

  public static String newId() {
    StringBuilder id = new StringBuilder("key_");
    for (int i = 0; i < 20; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
