package dev.lifeguard.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.CorpusLoader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A learning-curve run trains on less data but is measured on exactly the full run's held-out split. */
class TrainingShareTest {
  private static final String LABELS = "\"lang\": \"en\", \"subject\": null, \"severity\": \"none\", \"imminence\": \"not_applicable\","
      + " \"style\": \"direct\", \"fiction\": false, \"authentic\": true, \"features\": [], \"protective\": [], \"hard_negative\": false";

  private static Corpus corpus() {
    String messages = IntStream.range(0, 200)
        .mapToObj(i -> "{\"id\": \"ben-" + i + "\", \"text\": \"message " + i + "\", \"risk\": false, \"types\": [], " + LABELS + "}")
        .collect(Collectors.joining("\n"));
    String conversations = IntStream.range(0, 40)
        .mapToObj(i -> "{\"id\": \"conv-" + i + "\", \"messages\": ["
            + "{\"role\": \"user\", \"content\": \"hi " + i + "\", \"label\": {\"risk\": false}},"
            + "{\"role\": \"assistant\", \"content\": \"hello\", \"concerns\": []},"
            + "{\"role\": \"user\", \"content\": \"thanks " + i + "\", \"label\": {\"risk\": false}}],"
            + " \"labels\": {\"risk\": false, \"types\": [], " + LABELS + "}}")
        .collect(Collectors.joining("\n"));
    return CorpusLoader.parse(Map.of("messages/neg-benign-1.jsonl", messages.getBytes(StandardCharsets.UTF_8),
        "conversations/conv-1.jsonl", conversations.getBytes(StandardCharsets.UTF_8)), CorpusLoader.Strictness.STRICT);
  }

  @Test
  void the_held_out_split_stays_and_the_training_split_shrinks_by_whole_groups() {
    Examples all = Examples.from(corpus());
    Set<String> heldOut = Split.heldOut(all.strata(), TrainingOptions.DEFAULT_HELD_OUT_FRACTION);
    Examples half = all.restrictedTo(TrainingPipeline.withTrainingShare(all, heldOut, 0.5));

    assertTrue(half.strata().keySet().containsAll(heldOut), "every held-out group is still there");
    Set<String> training = new HashSet<>(half.strata().keySet());
    training.removeAll(heldOut);
    int allTraining = all.strata().size() - heldOut.size();
    assertEquals(allTraining / 2.0, training.size(), 1.0, "half of the training groups");
    half.messages().forEach(m -> assertTrue(half.strata().containsKey(m.group()), m.group()));
    for (String group : half.strata().keySet()) {
      assertEquals(all.messages().stream().filter(m -> m.group().equals(group)).count(),
          half.messages().stream().filter(m -> m.group().equals(group)).count(), "a conversation stays whole: " + group);
      assertEquals(all.replies().stream().filter(r -> r.group().equals(group)).count(),
          half.replies().stream().filter(r -> r.group().equals(group)).count(), group);
    }
  }

  @Test
  void a_share_outside_zero_to_one_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> TrainingOptions.defaults().withTrainingShare(0));
    assertThrows(IllegalArgumentException.class, () -> TrainingOptions.defaults().withTrainingShare(1.5));
    assertTrue(!TrainingOptions.defaults().reduced());
    assertTrue(TrainingOptions.defaults().withTrainingShare(0.25).reduced());
  }
}
