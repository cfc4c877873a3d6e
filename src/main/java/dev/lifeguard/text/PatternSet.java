package dev.lifeguard.text;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A fixed list of patterns, each tried only where its match could begin. Running hundreds of patterns
 * with {@link Matcher#find()} makes every pattern visit every position of the text; here the first one
 * or two characters of a position pick the few patterns that could start there, and only those are
 * tried, with {@link Matcher#lookingAt()}. The matches are exactly those of a {@code find()} loop.
 *
 * <p>Which patterns can start with a given character (or pair of characters) is learnt from the
 * patterns themselves, by matching them against that short prefix: a pattern that fails on it without
 * reaching the end of the prefix ({@link Matcher#hitEnd()} false) cannot match any text that begins
 * with it. This is conservative: a pattern whose start cannot be probed that way (a positive
 * lookbehind or {@code \B} looks at text before the match), or that can match nothing at all, is
 * tried everywhere.
 */
public final class PatternSet {
  /** The word-edge guard that pattern tables put in front of every row: no match starts inside a word. */
  public static final String WORD_EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
  /** Its counterpart after every row: no match ends inside a word. */
  public static final String WORD_EDGE_AFTER = "(?![\\p{L}\\p{N}])";
  private static final int ASCII = 128;
  /** Non-ASCII first characters, learnt on first sight; a bound keeps odd scripts from growing it for ever. */
  private static final int FIRST_CHAR_CACHE = 4_096;
  private static final int[] NONE = new int[0];

  private final List<Pattern> patterns;
  /** Patterns that are tried at every position. */
  private final int[] everywhere;
  /** Patterns whose matches start only where the previous character is not a letter or digit. */
  private final boolean[] wordStart;
  /** For an ASCII first character: the patterns that can start with it, and the second characters each allows. */
  private final int[][] byFirst = new int[ASCII][];
  private final long[][] secondLow = new long[ASCII][];
  private final long[][] secondHigh = new long[ASCII][];
  private final Cache<Integer, int[]> byOtherFirst = Caffeine.newBuilder().maximumSize(FIRST_CHAR_CACHE).build();

  public PatternSet(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
    int n = this.patterns.size();
    wordStart = new boolean[n];
    List<Integer> always = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String source = this.patterns.get(k).pattern();
      wordStart[k] = source.startsWith(WORD_EDGE_BEFORE);
      if (source.contains("(?<=") || source.contains("\\B") || this.patterns.get(k).matcher("").lookingAt()) {
        always.add(k);
      }
    }
    everywhere = always.stream().mapToInt(Integer::intValue).toArray();
    for (char c = 0; c < ASCII; c++) {
      learnAscii(c);
    }
  }

  /** Where each pattern could match in {@code text}; its matches are then found on demand. */
  public Scan scan(String text) {
    return new Scan(text);
  }

  /** Receives matches; returns false to stop. */
  @FunctionalInterface
  public interface MatchVisitor {
    boolean visit(int start, int end);
  }

  /** One text's candidate positions per pattern. */
  public final class Scan {
    private final String text;
    private final int[][] starts = new int[patterns.size()][];
    private final int[] counts = new int[patterns.size()];

    private Scan(String text) {
      this.text = text;
      int length = text.length();
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        boolean insideWord = i > 0 && isAsciiLetterOrDigit(text.charAt(i - 1));
        if (c < ASCII) {
          int[] rows = byFirst[c];
          char next = i + 1 < length ? text.charAt(i + 1) : 0;
          boolean pair = i + 1 < length && next < ASCII;
          for (int r = 0; r < rows.length; r++) {
            int k = rows[r];
            if (insideWord && wordStart[k]) {
              continue;
            }
            if (pair && !allows(secondLow[c][r], secondHigh[c][r], next)) {
              continue;
            }
            add(k, i);
          }
        } else {
          for (int k : byOther(Character.isLowSurrogate(c) ? c : text.codePointAt(i))) {
            if (!(insideWord && wordStart[k])) {
              add(k, i);
            }
          }
        }
        for (int k : everywhere) {
          add(k, i);
        }
      }
      for (int k : everywhere) {
        add(k, length); // where an empty match may still be found
      }
    }

    /** Visits pattern {@code k}'s matches in order, as successive {@link Matcher#find()} calls give them. */
    public void find(int k, MatchVisitor visitor) {
      int count = counts[k];
      if (count == 0) {
        return;
      }
      Matcher m = patterns.get(k).matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      int from = 0;
      int[] candidates = starts[k];
      for (int j = 0; j < count; j++) {
        int start = candidates[j];
        if (start < from) {
          continue;
        }
        m.region(start, text.length());
        if (m.lookingAt()) {
          if (!visitor.visit(m.start(), m.end())) {
            return;
          }
          from = m.end() == m.start() ? m.end() + 1 : m.end();
        }
      }
    }

    /** Whether pattern {@code k} matches anywhere. */
    public boolean matches(int k) {
      boolean[] found = {false};
      find(k, (start, end) -> {
        found[0] = true;
        return false;
      });
      return found[0];
    }

    private void add(int k, int position) {
      int[] list = starts[k];
      if (list == null) {
        list = starts[k] = new int[8];
      } else if (counts[k] == list.length) {
        list = starts[k] = Arrays.copyOf(list, list.length * 2);
      }
      list[counts[k]++] = position;
    }
  }

  private void learnAscii(char c) {
    List<Integer> rows = new ArrayList<>();
    List<long[]> seconds = new ArrayList<>();
    String first = String.valueOf(c);
    for (int k = 0; k < patterns.size(); k++) {
      if (isEverywhere(k) || !canStart(k, first)) {
        continue;
      }
      long low = 0;
      long high = 0;
      for (char d = 0; d < ASCII; d++) {
        // Control characters other than line breaks are left allowed, unprobed: rare in text, costly to learn.
        if (d < ' ' && d != '\n' || canStart(k, first + d)) {
          if (d < 64) {
            low |= 1L << d;
          } else {
            high |= 1L << (d - 64);
          }
        }
      }
      rows.add(k);
      seconds.add(new long[] {low, high});
    }
    byFirst[c] = rows.stream().mapToInt(Integer::intValue).toArray();
    secondLow[c] = seconds.stream().mapToLong(s -> s[0]).toArray();
    secondHigh[c] = seconds.stream().mapToLong(s -> s[1]).toArray();
  }

  private int[] byOther(int codePoint) {
    return byOtherFirst.get(codePoint, cp -> {
      String first = new String(Character.toChars(cp));
      int[] rows = IntStream.range(0, patterns.size())
          .filter(k -> !isEverywhere(k) && canStart(k, first)).toArray();
      return rows.length == 0 ? NONE : rows;
    });
  }

  private boolean isEverywhere(int k) {
    for (int e : everywhere) {
      if (e == k) {
        return true;
      }
    }
    return false;
  }

  /** Whether some text beginning with {@code prefix} could match pattern {@code k} at its start. */
  private boolean canStart(int k, String prefix) {
    Matcher m = patterns.get(k).matcher(prefix);
    return m.lookingAt() || m.hitEnd();
  }

  private static boolean allows(long low, long high, char next) {
    return next < 64 ? (low & (1L << next)) != 0 : (high & (1L << (next - 64))) != 0;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
