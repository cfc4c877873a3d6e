package dev.lifeguard.training;

import dev.lifeguard.inference.TextEncoder;
import dev.lifeguard.training.Examples.MessageExample;
import dev.lifeguard.training.Examples.ReplyExample;
import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.Labels;
import dev.lifeguard.training.corpus.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Corpus → examples → held-out split and folds → frozen-encoder vectors → trained message and
 * assistant heads with held-out measurements.
 */
public final class TrainingPipeline {
  public static final String MESSAGE = dev.lifeguard.inference.ProbeHeads.MESSAGE_HEAD;
  public static final String ASSISTANT = dev.lifeguard.inference.ProbeHeads.ASSISTANT_HEAD;

  private TrainingPipeline() {}

  /** @param progress one-line notes for a human (stderr), never data */
  public static TrainingResult run(Corpus corpus, TextEncoder encoder, String encoderName, TrainingOptions o,
      Consumer<String> progress) {
    Examples all = Examples.from(corpus);
    Set<String> heldOut = Split.heldOut(all.strata(), o.heldOutFraction());
    Examples examples = o.reduced() ? all.restrictedTo(withTrainingShare(all, heldOut, o.trainingShare())) : all;
    if (examples.replies().isEmpty()) {
      throw new IllegalArgumentException("the corpus has no assistant turns: the assistant head cannot be trained");
    }
    Map<String, Integer> folds = Split.folds(examples.strata(), o.folds(), o.seed());
    List<String> factors = protectiveFactors(examples.messages(), o.minPositives());

    progress.accept("encoding " + examples.messages().size() + " message and " + examples.replies().size() + " reply examples");
    float[][] messageX = Embeddings.encode(encoder, examples.messages().stream().map(MessageExample::text).toList(), o.threads());
    float[][] replyX = Embeddings.concat(
        Embeddings.encode(encoder, examples.replies().stream().map(ReplyExample::reply).toList(), o.threads()),
        Embeddings.encode(encoder, examples.replies().stream().map(ReplyExample::context).toList(), o.threads()));

    HeadData<Labels> encoded = data(MESSAGE, messageX, examples.messages(), MessageExample::group, MessageExample::labels, heldOut, folds);
    progress.accept("fitting the lexicon (words and character n-grams)");
    LexiconTrainer.Fitted lexicon = LexiconTrainer.fit(examples.messages().stream().map(MessageExample::text).toList(),
        encoded.truths(), encoded.heldOut(), encoded.fold(), o.folds(), MessageTargets.detection(), o.threads());
    // the message head reads [encoder vector ; lexicon logits]
    HeadData<Labels> messageData = new HeadData<>(MESSAGE, Embeddings.concat(messageX, lexicon.features()), encoded.truths(),
        encoded.heldOut(), encoded.fold());
    HeadData<List<String>> replyData = data(ASSISTANT, replyX, examples.replies(), ReplyExample::group, ReplyExample::concerns, heldOut, folds);
    ExecutorService pool = Executors.newFixedThreadPool(o.threads());
    try {
      progress.accept("training the message head");
      TrainedHead message = HeadTrainer.train(messageData, MessageTargets.all(factors), o, pool);
      progress.accept("training the assistant head");
      TrainedHead assistant = HeadTrainer.train(replyData, ReplyTargets.all(), o, pool);
      return new TrainingResult(encoderName, encoder.layers(), encoder.dimension(), lexicon.lexicon(), o, corpus.sha256(), corpusCounts(corpus), languages(corpus),
          splitCounts(messageData, replyData, examples.strata().size(), heldOut.size()), message, assistant,
          HeldOutScoring.summarise(messageData, message), corpus.problems().stream().map(Throwable::getMessage).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The held-out groups and {@code share} of each stratum of the rest: a smaller training split, the same measure. */
  static Set<String> withTrainingShare(Examples all, Set<String> heldOut, double share) {
    Map<String, String> training = new LinkedHashMap<>(all.strata());
    training.keySet().removeAll(heldOut);
    Set<String> kept = Split.sample(training, share, Split.TRAINING_SHARE_SALT);
    kept.addAll(heldOut);
    return kept;
  }

  /** Factors in the spec's order that have at least {@code min} positive items. */
  static List<String> protectiveFactors(List<MessageExample> messages, int min) {
    return Vocabulary.PROTECTIVE_FACTORS.stream()
        .filter(f -> messages.stream().filter(m -> m.labels().protective() != null && m.labels().protective().contains(f)).count() >= min)
        .toList();
  }

  private static <E, T> HeadData<T> data(String name, float[][] x, List<E> examples, Function<E, String> group,
      Function<E, T> truth, Set<String> heldOut, Map<String, Integer> folds) {
    boolean[] held = new boolean[examples.size()];
    int[] fold = new int[examples.size()];
    for (int i = 0; i < held.length; i++) {
      String g = group.apply(examples.get(i));
      held[i] = heldOut.contains(g);
      fold[i] = folds.get(g);
    }
    return new HeadData<>(name, x, examples.stream().map(truth).toList(), held, fold);
  }

  private static Map<String, Integer> corpusCounts(Corpus corpus) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("files", corpus.files().size());
    out.put("messages", corpus.messages().size());
    out.put("conversations", corpus.conversations().size());
    out.put("userTurns", (int) corpus.conversations().stream().flatMap(c -> c.turns().stream()).filter(t -> t.isUser()).count());
    out.put("assistantTurns", (int) corpus.conversations().stream().flatMap(c -> c.turns().stream()).filter(t -> !t.isUser()).count());
    out.put("invalidLinesLeftOut", corpus.problems().size());
    return out;
  }

  private static Map<String, Integer> languages(Corpus corpus) {
    Map<String, Integer> out = new TreeMap<>();
    corpus.messages().forEach(m -> out.merge(m.labels().lang(), 1, Integer::sum));
    corpus.conversations().forEach(c -> out.merge(c.labels().lang(), 1, Integer::sum));
    return out;
  }

  private static Map<String, Integer> splitCounts(HeadData<?> message, HeadData<?> reply, int groups, int heldGroups) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("groups", groups);
    out.put("heldOutGroups", heldGroups);
    out.put("messageTrain", count(message.heldOut(), false));
    out.put("messageHeldOut", count(message.heldOut(), true));
    out.put("assistantTrain", count(reply.heldOut(), false));
    out.put("assistantHeldOut", count(reply.heldOut(), true));
    return out;
  }

  private static int count(boolean[] flags, boolean value) {
    int n = 0;
    for (boolean f : flags) {
      n += f == value ? 1 : 0;
    }
    return n;
  }
}
