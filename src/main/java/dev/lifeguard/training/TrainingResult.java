package dev.lifeguard.training;

import dev.lifeguard.inference.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run produced: the heads, what it decided per label, what it measured, and
 * the data it saw. Contains no timestamps or timings, so the same corpus and options export the
 * same bytes.
 *
 * @param encoderLayers which hidden layers the encoder's vectors are pooled from ({@code TextEncoder.layers})
 * @param lexicon the word model whose logits the message head reads after the encoder vector
 * @param corpusCounts e.g. files, messages, conversations, user turns, assistant turns
 * @param languages items per language code (messages and conversations)
 * @param splitCounts rows and groups per head and side of the split
 * @param corpusProblems lines left out as invalid (with --skip-invalid), as file:line: field: problem
 */
public record TrainingResult(String encoderName, String encoderLayers, int dimension, Lexicon lexicon, TrainingOptions options, String corpusSha256,
    Map<String, Integer> corpusCounts, Map<String, Integer> languages, Map<String, Integer> splitCounts, TrainedHead message, TrainedHead assistant,
    HeldOutSummary summary, List<String> corpusProblems) {

  public List<LabelResult> labels() {
    List<LabelResult> out = new ArrayList<>(message.labels());
    out.addAll(assistant.labels());
    return out;
  }

  public LabelResult label(String name) {
    return labels().stream().filter(l -> l.label().equals(name)).findFirst().orElse(null);
  }
}
