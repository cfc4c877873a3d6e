package dev.lifeguard.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SplitTest {

  private static Map<String, String> strata() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      out.put("sui-" + i, "suicide");
    }
    for (int i = 0; i < 103; i++) {
      out.put("ben-" + i, "benign");
    }
    for (int i = 0; i < 7; i++) {
      out.put("conv-" + i, "conversation/ok/abuse");
    }
    return out;
  }

  @Test
  void every_stratum_gives_its_share_to_the_held_out_set() {
    Set<String> held = Split.heldOut(strata(), 0.2);
    assertEquals(100, held.stream().filter(g -> g.startsWith("sui-")).count());
    long benign = held.stream().filter(g -> g.startsWith("ben-")).count();
    assertTrue(benign == 20 || benign == 21, "103 × 0.2 rounds to 20 or 21, got " + benign);
    long conv = held.stream().filter(g -> g.startsWith("conv-")).count();
    assertTrue(conv == 1 || conv == 2, "7 × 0.2 rounds to 1 or 2, got " + conv);
  }

  @Test
  void the_split_depends_only_on_the_ids_not_their_order() {
    Map<String, String> reordered = new TreeMap<>(strata());
    assertEquals(Split.heldOut(strata(), 0.2), Split.heldOut(reordered, 0.2));
    assertEquals(Split.heldOut(strata(), 0.2), Split.heldOut(new HashMap<>(strata()), 0.2));
  }

  @Test
  void training_and_held_out_sets_never_share_an_id() {
    Set<String> held = Split.heldOut(strata(), 0.2);
    Set<String> train = new java.util.HashSet<>(strata().keySet());
    train.removeAll(held);
    assertEquals(strata().size(), train.size() + held.size());
    assertTrue(train.stream().noneMatch(held::contains));
  }

  @Test
  void a_training_share_is_drawn_per_stratum_with_its_own_salt() {
    Set<String> half = Split.sample(strata(), 0.5, Split.TRAINING_SHARE_SALT);
    assertEquals(250, half.stream().filter(g -> g.startsWith("sui-")).count());
    long benign = half.stream().filter(g -> g.startsWith("ben-")).count();
    assertTrue(benign == 51 || benign == 52, "103 × 0.5 rounds to 51 or 52, got " + benign);
    assertTrue(!half.equals(Split.sample(strata(), 0.5, Split.HELD_OUT_SALT)), "another salt draws other groups");
    assertEquals(half, Split.sample(new TreeMap<>(strata()), 0.5, Split.TRAINING_SHARE_SALT));
  }

  @Test
  void folds_are_balanced_and_follow_the_seed() {
    Map<String, Integer> a = Split.folds(strata(), 5, 7);
    int[] sizes = new int[5];
    a.forEach((g, f) -> {
      if (g.startsWith("sui-")) {
        sizes[f]++;
      }
    });
    for (int s : sizes) {
      assertEquals(100, s);
    }
    assertEquals(a, Split.folds(strata(), 5, 7));
    assertTrue(!a.equals(Split.folds(strata(), 5, 8)), "another seed deals other folds");
  }
}
