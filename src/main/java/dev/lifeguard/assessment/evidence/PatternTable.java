package dev.lifeguard.assessment.evidence;

import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import dev.lifeguard.text.PatternSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a pattern table. One row per line:
 *
 * <pre>
 * # comment
 * &#64;NAME = regex                          a macro, used as {NAME} in later lines
 * names  class  subject  [~flag…]  regex    names joined by '+'; class is a risk type's wire name,
 *                                           modifier, protective or context; subject self|other|unknown|-
 * </pre>
 *
 * Patterns are written against folded text (lower case, no accents). A space matches one or more
 * spaces, an apostrophe is optional ("don't" matches "dont"), and every pattern only matches whole
 * words.
 */
final class PatternTable {
  private static final Pattern MACRO_DEF = Pattern.compile("^@([A-Z_0-9]+)\\s*=\\s*(.+)$");
  private static final Pattern MACRO_USE = Pattern.compile("\\{([A-Z_0-9]+)}");

  private PatternTable() {}

  static List<PatternRow> parse(String language, String source, String text) {
    Map<String, String> macros = new HashMap<>();
    List<PatternRow> rows = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String where = source + ":" + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher def = MACRO_DEF.matcher(line);
      if (def.matches()) {
        macros.put(def.group(1), "(?:" + expand(def.group(2), macros, where) + ")");
      } else {
        rows.add(row(language, line, macros, where));
      }
    }
    return List.copyOf(rows);
  }

  private static PatternRow row(String language, String line, Map<String, String> macros, String where) {
    String[] head = line.split("\\s+", 4);
    if (head.length < 4) {
      throw new IllegalStateException(where + ": expected names, class, subject and pattern");
    }
    List<String> names = List.of(head[0].split("\\+"));
    String rest = head[3];
    Set<String> flags = new HashSet<>();
    while (rest.startsWith("~")) {
      String[] split = rest.split("\\s+", 2);
      flags.add(split[0].substring(1));
      rest = split.length > 1 ? split[1] : "";
    }
    EvidenceKind kind = kind(head[1], where);
    RiskType type = kind == EvidenceKind.RISK ? RiskType.fromWire(head[1]).orElseThrow() : null;
    Subject subject = head[2].equals("-") ? null : Subject.fromWire(head[2])
        .orElseThrow(() -> new IllegalStateException(where + ": unknown subject " + head[2]));
    return new PatternRow(names, kind, type, subject, Set.copyOf(flags), compile(rest, macros, where), language, where);
  }

  private static EvidenceKind kind(String cls, String where) {
    switch (cls) {
      case "modifier": return EvidenceKind.MODIFIER;
      case "protective": return EvidenceKind.PROTECTIVE;
      case "context": return EvidenceKind.CONTEXT;
      default:
        if (RiskType.fromWire(cls).isEmpty()) {
          throw new IllegalStateException(where + ": unknown class " + cls);
        }
        return EvidenceKind.RISK;
    }
  }

  private static Pattern compile(String regex, Map<String, String> macros, String where) {
    try {
      return Pattern.compile(PatternSet.WORD_EDGE_BEFORE + "(?:" + expand(regex, macros, where) + ")" + PatternSet.WORD_EDGE_AFTER);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(where + ": " + e.getDescription(), e);
    }
  }

  /** Substitutes macros, makes spaces elastic and apostrophes optional (outside character classes). */
  static String expand(String regex, Map<String, String> macros, String where) {
    Matcher m = MACRO_USE.matcher(regex);
    StringBuilder withMacros = new StringBuilder();
    while (m.find()) {
      String value = macros.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(where + ": unknown macro {" + m.group(1) + "}");
      }
      m.appendReplacement(withMacros, Matcher.quoteReplacement(value));
    }
    m.appendTail(withMacros);
    return relax(withMacros.toString());
  }

  /**
   * Makes spaces elastic and apostrophes optional, except inside character classes and lookbehinds
   * (a lookbehind must stay bounded, or every position would scan back to the start).
   */
  private static String relax(String regex) {
    StringBuilder out = new StringBuilder();
    boolean inClass = false;
    Deque<Boolean> groups = new ArrayDeque<>();
    int lookbehinds = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        out.append(c);
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        boolean lookbehind = regex.startsWith("(?<!", i) || regex.startsWith("(?<=", i);
        groups.push(lookbehind);
        lookbehinds += lookbehind ? 1 : 0;
      } else if (c == ')' && !groups.isEmpty()) {
        lookbehinds -= groups.pop() ? 1 : 0;
      }
      boolean alreadyElastic = i + 1 < regex.length() && "?+*{".indexOf(regex.charAt(i + 1)) >= 0;
      if (c == ' ' && !alreadyElastic && lookbehinds == 0) {
        out.append(" +");
      } else if (c == '\'' && !alreadyElastic && lookbehinds == 0) {
        out.append("'?");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
