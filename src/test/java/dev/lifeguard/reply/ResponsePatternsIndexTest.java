package dev.lifeguard.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeguard.text.PatternSet;
import dev.lifeguard.training.corpus.Conversation;
import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.CorpusLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reply-check rows, run through a {@link PatternSet}, find in real replies and messages exactly
 * what each row's own {@code find()} loop finds.
 */
class ResponsePatternsIndexTest {
  @Test
  void every_row_finds_the_same_hits_on_corpus_replies_and_messages() {
    List<ResponsePatterns.Row> rows = ResponsePatterns.standard().rows();
    PatternSet set = new PatternSet(rows.stream().map(ResponsePatterns.Row::pattern).toList());
    Corpus corpus = CorpusLoader.fromClasspath(CorpusLoader.Strictness.STRICT);
    List<String> texts = Stream.concat(
        corpus.conversations().stream().map(Conversation::turns).flatMap(List::stream).map(t -> t.content()),
        corpus.messages().stream().map(m -> m.text()).filter(t -> t.hashCode() % 5 == 0)).toList();
    for (String text : texts) {
      String folded = ResponsePatterns.fold(text);
      PatternSet.Scan scan = set.scan(folded);
      for (ResponsePatterns.Row row : rows) {
        List<String> found = new ArrayList<>();
        scan.find(rows.indexOf(row), (start, end) -> found.add(start + "-" + end));
        List<String> expected = new ArrayList<>();
        Matcher m = row.pattern().matcher(folded);
        while (m.find()) {
          expected.add(m.start() + "-" + m.end());
        }
        assertEquals(expected, found, () -> row.where() + " on \"" + folded + "\"");
      }
    }
  }
}
