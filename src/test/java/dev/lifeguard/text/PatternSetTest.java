package dev.lifeguard.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A pattern set finds exactly what a {@code find()} loop over every pattern finds, only faster. */
class PatternSetTest {
  private static final String EDGE_AFTER = "(?![\\p{L}\\p{N}])";
  private static final List<Pattern> PATTERNS = List.of(
      word("kill (?:my ?self|me)"),
      word("(?:\\w+ ){0,2}want to die"),
      word("(?:i|we) (?:\\w+ +){0,3}(?:hurt|cut) (?!the )\\w+"),
      word("(?<!not )safe"),
      word("(?:^|[.!?] +)no"),
      word("pills?$"),
      word("\\d{1,3} ?(?:pills|tablets)"),
      word("💀|😂"),
      word("ß\\w*|œuvre|пока"),
      word("x"),
      Pattern.compile("(?<=my )ex"), // looks behind: tried everywhere
      Pattern.compile("a*"),         // matches nothing: tried everywhere, also at the end
      Pattern.compile("\\Bing"),     // inside words only
      Pattern.compile("[.!?]"));

  private static Pattern word(String regex) {
    return Pattern.compile(PatternSet.WORD_EDGE_BEFORE + "(?:" + regex + ")" + EDGE_AFTER);
  }

  @Test
  void finds_what_a_find_loop_finds_in_chosen_texts() {
    PatternSet set = new PatternSet(PATTERNS);
    for (String text : List.of("", "x", "i want to kill myself", "no. no! not safe, safe", "my ex is an ex-con",
        "we really really hurt the cat. we cut him", "take 30 pills", "took pills", "lol 💀💀 😂",
        "straße und œuvre, пока пока", "singing ping", "killmyself kill me", "aaa b aa", "\uD83D", "x\uDC80x",
        "ich will sterben\ni want to die\n\n12 tablets")) {
      assertSame(set, text);
    }
  }

  @Test
  void finds_what_a_find_loop_finds_in_random_texts() {
    String[] pieces = {"i", "we", "want", "to", "die", "kill", "my", "self", "myself", "me", "hurt", "cut", "the",
        "not", "safe", "no", "pills", "pill", "12", "3", "tablets", "💀", "😂", "ß", "œuvre", "пока", "x", "ex",
        "ing", "sing", "a", "aa", " ", " ", "  ", ".", "!", "?", ",", "\n", "'", "-", "é", "\uD83D", "\uDC80"};
    PatternSet set = new PatternSet(PATTERNS);
    Random random = new Random(7);
    for (int n = 0; n < 3_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(25);
      for (int i = 0; i < length; i++) {
        String piece = pieces[random.nextInt(pieces.length)];
        text.append(piece);
        if (random.nextInt(3) > 0) {
          text.append(' ');
        }
      }
      assertSame(set, text.toString());
    }
  }

  @Test
  void a_match_can_be_stopped_early_and_asked_for_alone() {
    PatternSet set = new PatternSet(PATTERNS);
    String text = "no ! no ? no";
    PatternSet.Scan scan = set.scan(text);
    List<String> found = new ArrayList<>();
    scan.find(4, (start, end) -> found.add(start + "-" + end) && found.size() < 2);
    assertEquals(findLoop(PATTERNS.get(4), text).subList(0, 2), found);
    assertTrue(scan.matches(4));
    assertFalse(scan.matches(0));
  }

  private static void assertSame(PatternSet set, String text) {
    PatternSet.Scan scan = set.scan(text);
    for (Pattern pattern : PATTERNS) {
      List<String> found = new ArrayList<>();
      scan.find(PATTERNS.indexOf(pattern), (start, end) -> found.add(start + "-" + end));
      assertEquals(findLoop(pattern, text), found, () -> "pattern " + pattern + " on \"" + text + "\"");
    }
  }

  static List<String> findLoop(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.start() + "-" + m.end());
    }
    return found;
  }
}
