package dev.lifeguard.assessment.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stated ages in folded text: the speaker's ("i'm 14", "(15f)", "i'm in year 9", "tengo 13 años",
 * "j'ai 12 ans") and another person's ("he's 25", "a 30 year old guy").
 */
final class AgeStatements {
  static final int ADULT = 18;
  /** A minor who says so without a number ("i'm a teenager", "i'm in 8th grade"). */
  static final int UNSTATED_MINOR = 15;

  record StatedAge(int start, int end, int age) {}

  private static final String NOT_A_QUANTITY = "(?!\\d)(?![.,]\\d)(?! ?(?:min|mins|minutes?|hours?|hrs?|days?|weeks?"
      + "|months?|km|miles?|kg|lbs?|%|am|pm|times|euros?|dollars?|pounds?|k|cm|ft|mg|percent)(?![\\p{L}]))";
  private static final Pattern SPEAKER = Pattern.compile("(?<![\\p{L}\\d])(?:"
      + "(?:i'?m|im|i am|i just turned|i turned) (?:only |just |like )?(\\d{1,2})" + NOT_A_QUANTITY
      + "|(?<=^|[(\\[])(\\d{1,2})[fm](?![\\p{L}])"
      + "|(?:tengo|tenho) (\\d{1,2}) anos|j'?ai (\\d{1,2}) ans|ich bin (\\d{1,2})(?= jahre|[ .,!]|$)|ho (\\d{1,2}) anni"
      + ")");
  private static final Pattern SPEAKER_MINOR = Pattern.compile("(?<![\\p{L}])(?:(?:i'?m|im|i am) (?:a |still a |only a )?"
      + "(?:minor|underage|teen|teenager|\\d{1,2}(?:th|st|nd|rd) grader|freshman in high school)"
      + "|(?:i'?m|im|i am) in (?:year (?:[5-9]|1[0-2])|(?:[5-9]|1[0-2])(?:th)? grade|middle school|high school)"
      + "|soy menor(?: de edad)?|je suis mineure?|ich bin minderjahrig|sou menor(?: de idade)?|sono minorenne)"
      + "(?![\\p{L}\\d])");
  private static final Pattern OTHER = Pattern.compile("(?<![\\p{L}])(?:(?:he|she|they)(?:'s| is| are|s) (?:like |almost "
      + "|over |literally )?(\\d{2})" + NOT_A_QUANTITY + "|(?:a|an) (\\d{2})[- ]?(?:year[- ]old|yo|y/o) (?:guy|man|woman"
      + "|adult|dude|girl|lady))");

  private AgeStatements() {}

  /** Ages the speaker states about themselves, in order. */
  static List<StatedAge> speaker(String folded) {
    List<StatedAge> ages = new ArrayList<>(all(SPEAKER, folded));
    Matcher m = SPEAKER_MINOR.matcher(folded);
    while (m.find()) {
      ages.add(new StatedAge(m.start(), m.end(), UNSTATED_MINOR));
    }
    ages.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return ages;
  }

  /** Ages stated about other people. */
  static List<StatedAge> others(String folded) {
    return all(OTHER, folded);
  }

  private static List<StatedAge> all(Pattern pattern, String folded) {
    List<StatedAge> ages = new ArrayList<>();
    Matcher m = pattern.matcher(folded);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          ages.add(new StatedAge(m.start(), m.end(), Integer.parseInt(m.group(g))));
          break;
        }
      }
    }
    return ages;
  }
}
