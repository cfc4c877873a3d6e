package dev.lifeguard.reply;

import dev.lifeguard.taxonomy.ResponseIssue;
import dev.lifeguard.taxonomy.Taxonomy;
import dev.lifeguard.text.PatternSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Phrase evidence about a proposed reply, read from {@code reply/response-patterns/*.txt}: issue rows
 * (named after the response-issue taxonomy) and cues the checker combines (acknowledgement, resources
 * given, boilerplate, deflection, and the negation that cancels a hit). One row per line:
 *
 * <pre>
 * name  [~risk]  regex      ~risk: counts only when the conversation has a risk
 * </pre>
 *
 * Patterns match folded text (lower case, no accents, plain quotes) on whole words; a space matches
 * any run of spaces and an apostrophe is optional. Every language's rows apply to every reply, since a
 * reply may not be in the conversation's language.
 */
final class ResponsePatterns {
  static final String ACKNOWLEDGEMENT = "acknowledgement";
  static final String RESOURCE_MENTION = "resource_mention";
  static final String BOILERPLATE = "boilerplate";
  static final String DEFLECTION = "deflection";
  /** Words just before a hit that turn it round ("you're NOT a burden", "you FEEL LIKE a burden"). */
  static final String NEGATION = "negation";
  static final Set<String> CUES = Set.of(ACKNOWLEDGEMENT, RESOURCE_MENTION, BOILERPLATE, DEFLECTION, NEGATION);

  private static final String DIR = "/reply/response-patterns/";
  private static final List<String> FILES = Stream.concat(Stream.of("common"), ReplyContext.LANGUAGES.stream()).toList();
  /** How far back a negation may sit and still turn a hit round: about three words. */
  private static final int NEGATION_WINDOW = 24;
  private static final Pattern ELASTIC_SPACE = Pattern.compile(" (?![?*+{])");
  private static final Pattern OPTIONAL_APOSTROPHE = Pattern.compile("'(?![?*+{])");
  private static final Pattern CLAUSE_END = Pattern.compile("[.!?;:\n]");
  private static final Pattern ROW = Pattern.compile("^(\\S+)\\s+(~risk\\s+)?(.+)$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SINGLE_QUOTES = Pattern.compile("[\u2018\u2019\u02BC`\u00B4]");
  private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201C\u201D\u201E\u00AB\u00BB]");
  private static final Pattern DASHES = Pattern.compile("[\u2013\u2014]");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");

  record Row(String name, boolean needsRisk, Pattern pattern, String where) {}

  private final List<Row> rows;
  private final PatternSet patterns;
  private final List<Pattern> negations;

  private ResponsePatterns(List<Row> rows) {
    this.rows = List.copyOf(rows);
    this.patterns = new PatternSet(this.rows.stream().map(Row::pattern).toList());
    this.negations = this.rows.stream().filter(r -> r.name().equals(NEGATION)).map(Row::pattern).toList();
  }

  static ResponsePatterns standard() {
    return Holder.INSTANCE;
  }

  List<Row> rows() {
    return rows;
  }

  /** One folding and one scan of a reply, for all the questions the checker asks of it. */
  Reading reading(String text) {
    return new Reading(fold(text));
  }

  /** The names of the issue rows that match {@code text}, negated hits left out. */
  Set<String> issues(String text, boolean conversationHasRisk) {
    return reading(text).issues(conversationHasRisk);
  }

  /** Whether any issue row matches, whatever the conversation: the fast path's test. */
  boolean anyIssue(String text) {
    return !issues(text, true).isEmpty();
  }

  /** A reply folded and scanned once. */
  final class Reading {
    private final String folded;
    private final PatternSet.Scan scan;

    private Reading(String folded) {
      this.folded = folded;
      this.scan = patterns.scan(folded);
    }

    /** The names of the issue rows that match, negated hits left out. */
    Set<String> issues(boolean conversationHasRisk) {
      Set<String> found = new HashSet<>();
      for (int k = 0; k < rows.size(); k++) {
        Row row = rows.get(k);
        if (!CUES.contains(row.name()) && (conversationHasRisk || !row.needsRisk()) && !found.contains(row.name())
            && matches(k)) {
          found.add(row.name());
        }
      }
      return found;
    }

    boolean cue(String cue) {
      for (int k = 0; k < rows.size(); k++) {
        if (rows.get(k).name().equals(cue) && matches(k)) {
          return true;
        }
      }
      return false;
    }

    private boolean matches(int k) {
      if (rows.get(k).name().equals(NEGATION)) {
        return scan.matches(k);
      }
      boolean[] hit = {false};
      scan.find(k, (start, end) -> {
        hit[0] = !negated(folded, start);
        return !hit[0];
      });
      return hit[0];
    }
  }

  /** A negation in the same clause, just before the hit. */
  private boolean negated(String folded, int start) {
    String window = folded.substring(Math.max(0, start - NEGATION_WINDOW), start);
    String before = window.substring(CLAUSE_END.matcher(window).results().mapToInt(r -> r.end()).max().orElse(0));
    return negations.stream().anyMatch(p -> p.matcher(before).find());
  }

  /** Lower case, accents stripped, typographic quotes plain, runs of white space one space. */
  static String fold(String text) {
    String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    String plain = SINGLE_QUOTES.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll("'");
    plain = DOUBLE_QUOTES.matcher(plain).replaceAll("\"");
    plain = DASHES.matcher(plain).replaceAll("-");
    return SPACES.matcher(plain).replaceAll(" ");
  }

  private static final class Holder {
    static final ResponsePatterns INSTANCE = load();
  }

  static ResponsePatterns load() {
    Set<String> names = new HashSet<>(CUES);
    Taxonomy.responseIssues().stream().map(ResponseIssue::name).forEach(names::add);
    List<Row> rows = new ArrayList<>();
    for (String file : FILES) {
      rows.addAll(parse(DIR + file + ".txt", read(DIR + file + ".txt"), names));
    }
    return new ResponsePatterns(rows);
  }

  static List<Row> parse(String source, String text, Set<String> names) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1);
      Matcher m = ROW.matcher(line);
      if (!m.matches() || !names.contains(m.group(1))) {
        throw new IllegalStateException(where + ": expected an issue or cue name, then a pattern");
      }
      rows.add(new Row(m.group(1), m.group(2) != null, compile(m.group(3), where), where));
    }
    return rows;
  }

  private static Pattern compile(String regex, String where) {
    // Spaces elastic and apostrophes optional unless already quantified; patterns avoid both inside
    // character classes (use \s there).
    String relaxed = ELASTIC_SPACE.matcher(regex).replaceAll(" +");
    relaxed = OPTIONAL_APOSTROPHE.matcher(relaxed).replaceAll("'?");
    try {
      return Pattern.compile(PatternSet.WORD_EDGE_BEFORE + "(?:" + relaxed + ")" + PatternSet.WORD_EDGE_AFTER);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(where + ": " + e.getDescription(), e);
    }
  }

  private static String read(String file) {
    try (InputStream in = ResponsePatterns.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
