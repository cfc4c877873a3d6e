package dev.lifeguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseWindowTest {
  @Test
  void holds_text_until_a_sentence_ends_past_the_minimum() {
    ReleaseWindow w = new ReleaseWindow(20, 200);
    w.append("Hi there. ");
    assertEquals(Optional.empty(), w.take(), "a sentence end before the minimum does not release");
    w.append("Here is a recipe you might like");
    assertEquals(Optional.empty(), w.take(), "no sentence end yet");
    w.append(". Preheat");
    assertEquals(Optional.of("Hi there. Here is a recipe you might like."), w.take());
    assertEquals(" Preheat", w.drain());
  }

  @Test
  void a_long_run_without_punctuation_is_cut_at_a_space_at_the_maximum() {
    ReleaseWindow w = new ReleaseWindow(10, 30);
    w.append("one two three four five six seven eight nine ten");
    String first = w.take().orElseThrow();
    assertTrue(first.length() <= 30 && first.endsWith(" "), "cut after a whole word: '" + first + "'");
    assertEquals("one two three four five six ", first);
  }

  @Test
  void every_character_comes_out_once_and_in_order_whatever_the_chunking() {
    String text = "Sure! Banana bread needs ripe bananas. Mash them well…\nThen fold in flour? Yes. 焼く。Done!";
    for (int chunk = 1; chunk <= 7; chunk++) {
      ReleaseWindow w = new ReleaseWindow(8, 24);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < text.length(); i += chunk) {
        w.append(text.substring(i, Math.min(text.length(), i + chunk)));
        w.take().ifPresent(out::add);
      }
      out.add(w.drain());
      assertEquals(text, String.join("", out), "chunk size " + chunk);
      out.subList(0, out.size() - 1).forEach(part -> assertTrue(part.length() <= 24, part));
    }
  }

  @Test
  void a_decimal_point_is_not_a_sentence_end() {
    ReleaseWindow w = new ReleaseWindow(5, 100);
    w.append("Use 2.5 cups of flour");
    assertEquals(Optional.empty(), w.take());
  }
}
