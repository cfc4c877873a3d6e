package dev.lifeguard.assessment.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The pattern tables on the classpath ({@code assessment/evidence/patterns/<lang>.txt}), parsed once. */
final class PatternLibrary {
  private static final String DIR = "/assessment/evidence/patterns/";

  private PatternLibrary() {}

  static List<PatternRow> rows() {
    return Holder.ROWS;
  }

  static List<PatternRow> load(String language) {
    String file = DIR + language + ".txt";
    try (InputStream in = PatternLibrary.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + file);
      }
      return PatternTable.parse(language, language + ".txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static final class Holder {
    static final List<PatternRow> ROWS = loadAll();

    private static List<PatternRow> loadAll() {
      List<PatternRow> rows = new ArrayList<>();
      for (String language : LanguageIdentifier.LANGUAGES) {
        rows.addAll(load(language));
      }
      return List.copyOf(rows);
    }
  }
}
