package dev.lifeguard.ocular;

import dev.lifeguard.assessment.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variants of a conversation that should not change what it means: an earlier turn dropped, two
 * earlier turns swapped, words masked, casing and punctuation changed. Noise goes on the turns the
 * reading rests on (the user turn where risk peaked and the assistant turn with the strongest
 * concern), so each variant re-scores only those and the turns after them read in their context.
 * Seeded from the conversation, so the same request always gets the same variants.
 */
public final class Perturbations {
  /** Variants per effort level (index = effort). */
  static final int[] COUNT = {0, 0, 4, 10};
  /** Share of words masked (at least one). */
  static final double MASK_SHARE = 0.15;
  static final String MASK = "[MASK]";
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*");
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}…¡¿“”‘’]");
  private static final Pattern SENTENCE_END = Pattern.compile("([.!?])(\\s|$)");

  /** One variant and what was done to it. */
  public record Variant(String kind, List<ChatMessage> messages) {
    public Variant {
      messages = List.copyOf(messages);
    }
  }

  private enum Kind { DROP, REORDER, MASK, LOWER_CASE, UPPER_WORDS, STRIP_PUNCTUATION, EXTRA_PUNCTUATION }

  /** Effort 2: one of each family; effort 3: two of each structural and noise kind. */
  private static final Kind[][] PLAN = {
      {},
      {},
      {Kind.DROP, Kind.MASK, Kind.LOWER_CASE, Kind.STRIP_PUNCTUATION},
      {Kind.DROP, Kind.REORDER, Kind.MASK, Kind.LOWER_CASE, Kind.STRIP_PUNCTUATION, Kind.DROP, Kind.REORDER, Kind.MASK,
          Kind.UPPER_WORDS, Kind.EXTRA_PUNCTUATION}};

  private Perturbations() {}

  public static int count(int effort) {
    return COUNT[Math.max(0, Math.min(3, effort))];
  }

  /**
   * @param userTarget      index of the user turn the reading rests on (or -1)
   * @param assistantTarget index of the assistant turn with the strongest concern (or -1)
   */
  public static List<Variant> of(List<ChatMessage> messages, int effort, int userTarget, int assistantTarget) {
    SplittableRandom random = new SplittableRandom(seed(messages));
    List<Variant> out = new ArrayList<>();
    for (Kind kind : PLAN[Math.max(0, Math.min(3, effort))]) {
      out.add(variant(kind, messages, userTarget, assistantTarget, random));
    }
    return out;
  }

  private static Variant variant(Kind kind, List<ChatMessage> messages, int userTarget, int assistantTarget,
      SplittableRandom random) {
    List<Integer> earlier = new ArrayList<>();
    int keep = Math.max(userTarget, assistantTarget);
    for (int i = 0; i < messages.size() - 1; i++) {
      if (i != userTarget && i != assistantTarget && i < keep) {
        earlier.add(i);
      }
    }
    if (kind == Kind.DROP && !earlier.isEmpty()) {
      List<ChatMessage> copy = new ArrayList<>(messages);
      copy.remove((int) earlier.get(random.nextInt(earlier.size())));
      return new Variant("drop_turn", copy);
    }
    if (kind == Kind.REORDER && earlier.size() >= 2) {
      int a = random.nextInt(earlier.size() - 1);
      List<ChatMessage> copy = new ArrayList<>(messages);
      int i = earlier.get(a);
      int j = earlier.get(a + 1);
      ChatMessage swap = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, swap);
      return new Variant("reorder_turns", copy);
    }
    // Nothing earlier to drop or reorder (a single message): mask instead, with fresh randomness.
    Kind noise = kind == Kind.DROP || kind == Kind.REORDER ? Kind.MASK : kind;
    List<ChatMessage> copy = new ArrayList<>(messages);
    for (int target : new int[] {userTarget, assistantTarget}) {
      if (target >= 0 && target < copy.size()) {
        ChatMessage m = copy.get(target);
        copy.set(target, new ChatMessage(m.role(), noise(noise, m.content(), random)));
      }
    }
    return new Variant(noise.name().toLowerCase(Locale.ROOT), copy);
  }

  static String noise(Kind kind, String text, SplittableRandom random) {
    return switch (kind) {
      case MASK -> mask(text, random);
      case LOWER_CASE -> text.toLowerCase(Locale.ROOT);
      case UPPER_WORDS -> replaceWords(text, w -> random.nextInt(4) == 0 ? w.toUpperCase(Locale.ROOT) : w);
      case STRIP_PUNCTUATION -> PUNCTUATION.matcher(text).replaceAll("");
      case EXTRA_PUNCTUATION -> SENTENCE_END.matcher(text).replaceAll(random.nextBoolean() ? "$1$1$1$2" : "...$2");
      default -> text;
    };
  }

  private static String mask(String text, SplittableRandom random) {
    Matcher m = WORD.matcher(text);
    List<int[]> words = new ArrayList<>();
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    if (words.isEmpty()) {
      return text;
    }
    int n = Math.max(1, (int) Math.round(words.size() * MASK_SHARE));
    boolean[] masked = new boolean[words.size()];
    for (int k = 0; k < n; k++) {
      masked[random.nextInt(words.size())] = true;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int w = 0; w < words.size(); w++) {
      if (masked[w]) {
        out.append(text, at, words.get(w)[0]).append(MASK);
        at = words.get(w)[1];
      }
    }
    return out.append(text.substring(at)).toString();
  }

  private static String replaceWords(String text, java.util.function.UnaryOperator<String> f) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static long seed(List<ChatMessage> messages) {
    long h = 1125899906842597L;
    for (ChatMessage m : messages) {
      h = 31 * h + m.role().hashCode();
      h = 31 * h + m.content().hashCode();
    }
    return h;
  }
}
