package dev.lifeguard.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.Main;
import dev.lifeguard.config.InferenceConfig;
import dev.lifeguard.inference.EncoderSource;
import dev.lifeguard.inference.OnnxTextEncoder;
import dev.lifeguard.inference.ProbeHeads;
import dev.lifeguard.inference.ProbeLabels;
import dev.lifeguard.inference.ProbeScores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lifeguard score}: runs the trained message head on texts (arguments, or one per stdin line)
 * and prints one JSON object per text: every score, and the labels at or above their threshold
 * (subject and imminence only when risk is flagged: they were learnt among risk items).
 * For checking a training run by hand; the gateway scores through its inference workers.
 */
@Command(name = "score", description = "Score messages with the trained probe heads (one JSON line per text).")
public final class ScoreCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand
  Main main;

  @Option(names = "--models", paramLabel = "DIR",
      description = "Directory with heads.json (default: the configured inference.models_dir, as the gateway uses)")
  Path models;

  @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Messages to score (default: one per line on stdin)")
  List<String> texts;

  @Override
  public Integer call() throws IOException {
    // The gateway's configured encoder and heads, so an operator's drop-in encoder scores here too.
    InferenceConfig inference = main.loadConfig().inference();
    try (ProbeHeads heads = ProbeHeads.load(models != null ? models : inference.modelsDir());
         OnnxTextEncoder encoder = OnnxTextEncoder.load(EncoderSource.configured(inference), 1)) {
      heads.requireEncoder(encoder.name(), encoder);
      for (String text : texts == null || texts.isEmpty() ? stdinLines() : texts) {
        ProbeScores scores = heads.score(ProbeHeads.messageVector(encoder.encode(List.of(text)).get(0)), text);
        System.out.println(JSON.writeValueAsString(render(heads, scores)));
      }
    }
    return 0;
  }

  private static ObjectNode render(ProbeHeads heads, ProbeScores scores) {
    ObjectNode out = JSON.createObjectNode();
    var flagged = out.putArray("flagged");
    ObjectNode values = out.putObject("scores");
    boolean risk = heads.flagged(scores, ProbeLabels.RISK);
    for (String label : heads.labels()) {
      if (scores.values().containsKey(label)) {
        values.put(label, Math.round(scores.get(label) * 1e4) / 1e4);
        boolean conditional = label.startsWith(ProbeLabels.SUBJECT_PREFIX) || label.startsWith(ProbeLabels.IMMINENCE_PREFIX);
        if (heads.flagged(scores, label) && (risk || !conditional)) {
          flagged.add(label);
        }
      }
    }
    return out;
  }

  private static List<String> stdinLines() {
    try {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().filter(l -> !l.isBlank()).toList();
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("cannot read stdin: " + e.getMessage(), e);
    }
  }
}
