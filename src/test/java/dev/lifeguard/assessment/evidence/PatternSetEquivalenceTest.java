package dev.lifeguard.assessment.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeguard.text.PatternSet;
import dev.lifeguard.training.corpus.CorpusLoader;
import dev.lifeguard.training.corpus.LabeledMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The evidence tables' rows, run through a {@link PatternSet}, find on real messages exactly what
 * each row's own {@code find()} loop finds: the index only skips places where a row cannot start.
 */
class PatternSetEquivalenceTest {
  @Test
  void every_row_finds_the_same_hits_on_corpus_messages() {
    List<PatternRow> rows = PatternLibrary.rows();
    PatternSet set = new PatternSet(rows.stream().map(PatternRow::pattern).toList());
    List<LabeledMessage> messages = CorpusLoader.fromClasspath(CorpusLoader.Strictness.STRICT).messages();
    // Every seventh message: all six languages and every kind of text, in a few seconds.
    for (int i = 0; i < messages.size(); i += 7) {
      String folded = TextFolding.fold(messages.get(i).text());
      PatternSet.Scan scan = set.scan(folded);
      for (int k = 0; k < rows.size(); k++) {
        List<String> found = new ArrayList<>();
        scan.find(k, (start, end) -> found.add(start + "-" + end));
        List<String> expected = new ArrayList<>();
        Matcher m = rows.get(k).pattern().matcher(folded);
        while (m.find()) {
          expected.add(m.start() + "-" + m.end());
        }
        int row = k;
        String id = messages.get(i).id();
        assertEquals(expected, found, () -> rows.get(row).where() + " on " + id);
      }
    }
  }
}
