package dev.lifeguard.quality;

import dev.lifeguard.Main;
import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.classifier.AssessJob;
import dev.lifeguard.classifier.Classifier;
import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.config.LifeguardConfig;
import dev.lifeguard.config.ScreeningConfig;
import dev.lifeguard.screening.Action;
import dev.lifeguard.screening.InputPolicy;
import dev.lifeguard.taxonomy.Severity;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code eval}: scores the whole assessor (encoder, heads, evidence rules) on labelled JSONL sets and
 * on the corpus's held-out split, and prints the report (or JSON with {@code --json}).
 */
@Command(name = "eval", description = "Score the classifier on labelled JSONL sets and the held-out split.")
public final class EvalCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "JSONL sets in the format of src/test/resources/eval/SCHEMA.md")
  List<Path> files = new ArrayList<>();

  @Option(names = "--heldout", description = "Also score the corpus's held-out split (never trained on)")
  boolean heldOut;

  @Option(names = "--json", description = "Print one JSON object instead of tables")
  boolean json;

  @Option(names = "--misses", paramLabel = "FILE", description = "Write every wrong call (false positive, missed risk) as JSONL with its text, findings and rationale, for reading")
  Path misses;

  @Option(names = "--record", paramLabel = "DIR", description = "Write quality.json and the quality section of MODEL_CARD.md in DIR (e.g. models)")
  Path record;

  private final StringBuilder rendered = new StringBuilder();

  @Override
  public Integer call() throws IOException {
    JsonObject all = new JsonObject();
    if (misses != null) {
      Files.deleteIfExists(misses);
    }
    LifeguardConfig config = main.loadConfig();
    try (Classifier classifier = Classifier.load(config.inference())) {
      if (heldOut) {
        report(all, "held-out split", HeldOutSet.items(), classifier, config.screening());
      }
      for (Path file : files) {
        report(all, file.getFileName().toString(), read(file), classifier, config.screening());
      }
    }
    if (json) {
      System.out.println(all.encodePrettily());
    }
    if (record != null) {
      QualityRecord.write(record, all, rendered.toString());
    }
    return 0;
  }

  private void report(JsonObject all, String name, List<EvalItem> items, Classifier classifier, ScreeningConfig policy)
      throws IOException {
    List<Assessment> assessments = items.stream().map(item -> assess(item, classifier)).toList();
    List<Prediction> predictions = assessments.stream().map(a -> predictionOf(a, policy)).toList();
    if (misses != null) {
      Misses.append(misses, name, items, predictions, assessments);
    }
    QualityReport report = QualityReport.of(items, predictions);
    all.put(name, report.toJson());
    rendered.append(report.render(name)).append('\n');
    if (!json) {
      System.out.println(report.render(name));
    }
  }

  public static List<EvalItem> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .map(l -> EvalItem.parse(new JsonObject(l)))
        .collect(Collectors.toList());
  }

  /** Each text as a single user message, nothing known about the user, under the default screening policy. */
  public static List<Prediction> predict(List<EvalItem> items, Classifier classifier) {
    ScreeningConfig policy = ConfigLoader.defaults(Map.of()).screening();
    List<Prediction> out = new ArrayList<>(items.size());
    for (EvalItem item : items) {
      out.add(predictionOf(assess(item, classifier), policy));
    }
    return out;
  }

  private static Assessment assess(EvalItem item, Classifier classifier) {
    return classifier.assess(new AssessJob(List.of(new ChatMessage("user", item.text())), AssessmentContext.unknown()));
  }

  public static Prediction predictionOf(Assessment a, ScreeningConfig policy) {
    return new Prediction(
        a.hasRisk() && a.maxSeverity().atLeast(Severity.MILD),
        a.risks().stream().map(r -> r.type().wireName()).collect(Collectors.toSet()),
        a.risks().isEmpty() ? null : a.risks().get(0).subject().wireName(),
        a.maxSeverity().wireName(),
        InputPolicy.decide(a, policy).action() == Action.REPLACE,
        a.language());
  }
}
