package dev.lifeguard.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deterministic stratified assignment of groups (message or conversation ids) by hash. Within each
 * stratum, groups are ordered by SHA-256 of salt and id and dealt out systematically from a
 * hash-chosen offset, so every stratum contributes its share (rounded up or down) and the result
 * depends only on the ids and the salt, never on file or line order.
 */
public final class Split {
  /** Salt of the held-out split. Fixed, not the training seed: the held-out set stays put across runs. */
  public static final String HELD_OUT_SALT = "lifeguard-held-out-v1";
  /** Salt of a reduced training split (learning-curve runs), apart from the held-out salt. */
  public static final String TRAINING_SHARE_SALT = "lifeguard-training-share-v1";

  private Split() {}

  /** The groups held out for measuring: about {@code fraction} of each stratum. */
  public static Set<String> heldOut(Map<String, String> strata, double fraction) {
    return sample(strata, fraction, HELD_OUT_SALT);
  }

  /** About {@code fraction} of each stratum, chosen by hash of {@code salt} and id. */
  public static Set<String> sample(Map<String, String> strata, double fraction, String salt) {
    Set<String> out = new HashSet<>();
    forEachStratum(strata, salt, (stratum, ordered) -> {
      double offset = unit(salt + "/" + stratum);
      for (int r = 0; r < ordered.size(); r++) {
        if (Math.floor((r + 1) * fraction + offset) > Math.floor(r * fraction + offset)) {
          out.add(ordered.get(r));
        }
      }
    });
    return out;
  }

  /** Cross-validation folds 0..k-1 for the given groups, balanced within each stratum. */
  public static Map<String, Integer> folds(Map<String, String> strata, int k, long seed) {
    Map<String, Integer> out = new HashMap<>();
    String salt = "lifeguard-folds-" + seed;
    forEachStratum(strata, salt, (stratum, ordered) -> {
      int offset = (int) (unit(salt + "/" + stratum) * k);
      for (int r = 0; r < ordered.size(); r++) {
        out.put(ordered.get(r), (r + offset) % k);
      }
    });
    return out;
  }

  private interface StratumVisitor {
    void visit(String stratum, List<String> groupsInHashOrder);
  }

  private static void forEachStratum(Map<String, String> strata, String salt, StratumVisitor visitor) {
    Map<String, List<String>> byStratum = new TreeMap<>();
    strata.forEach((group, stratum) -> byStratum.computeIfAbsent(stratum, s -> new ArrayList<>()).add(group));
    byStratum.forEach((stratum, groups) -> {
      Map<String, String> keys = new HashMap<>();
      groups.forEach(g -> keys.put(g, hash(salt + "/" + g)));
      groups.sort(Comparator.comparing((String g) -> keys.get(g)).thenComparing(g -> g));
      visitor.visit(stratum, groups);
    });
  }

  /** A hash-derived number in [0, 1). */
  static double unit(String s) {
    String h = hash(s);
    return Long.parseLong(h.substring(0, 13), 16) / (double) (1L << 52);
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : d) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
