package dev.lifeguard.quality;

import dev.lifeguard.training.Examples;
import dev.lifeguard.training.Split;
import dev.lifeguard.training.TrainingOptions;
import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.CorpusLoader;
import dev.lifeguard.training.corpus.LabeledMessage;
import dev.lifeguard.training.corpus.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The corpus messages the training run held out, as evaluation items. */
public final class HeldOutSet {
  private HeldOutSet() {}

  public static List<EvalItem> items() {
    Corpus corpus = CorpusLoader.fromClasspath(CorpusLoader.Strictness.STRICT);
    Set<String> held = Split.heldOut(Examples.from(corpus).strata(), TrainingOptions.DEFAULT_HELD_OUT_FRACTION);
    List<EvalItem> items = new ArrayList<>();
    for (LabeledMessage m : corpus.messages()) {
      if (!held.contains(m.id())) {
        continue;
      }
      var l = m.labels();
      items.add(new EvalItem(m.id(), m.text(), Optional.of(l.risk()), Set.copyOf(l.types()), Optional.ofNullable(l.subject()),
          Optional.of(Vocabulary.SEVERITIES.get(l.severity())), Boolean.TRUE.equals(l.hardNegative()), false, false, false));
    }
    return items;
  }
}
