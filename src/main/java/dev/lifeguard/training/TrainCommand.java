package dev.lifeguard.training;

import dev.lifeguard.Main;
import dev.lifeguard.config.InferenceConfig;
import dev.lifeguard.inference.EncoderSource;
import dev.lifeguard.inference.OnnxTextEncoder;
import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.CorpusLoader;
import dev.lifeguard.training.learn.BinaryMetrics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lifeguard train}: trains the probe heads and writes them, with their model card, to a directory. */
@Command(name = "train", description = "Train the probe heads on the corpus and write them to models/.")
public final class TrainCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  /** The corpus in a source checkout; without it the copy inside the jar is used. */
  public static final Path SOURCE_CORPUS = Path.of("src/main/resources/corpus");

  @Option(names = "--corpus", paramLabel = "DIR",
      description = "Corpus root with messages/ and conversations/ (default: " + "src/main/resources/corpus if present, else the corpus in the jar)")
  Path corpus;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "models", description = "Where to write the heads (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--skip-invalid",
      description = "Leave out corpus lines that break the spec (listed on stderr and in the model card) instead of failing")
  boolean skipInvalid;

  @Option(names = "--seed", defaultValue = "" + TrainingOptions.DEFAULT_SEED, description = "Seed of the cross-validation folds (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--training-share", paramLabel = "SHARE", defaultValue = "1",
      description = "Use only this share (0 < SHARE <= 1) of each stratum of the training split; the held-out split "
          + "stays the same, so runs at several shares draw a learning curve (default: ${DEFAULT-VALUE}, all of it)")
  double trainingShare;

  @Override
  public Integer call() {
    TrainingOptions options;
    try {
      options = TrainingOptions.withSeed(seed).withTrainingShare(trainingShare);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--training-share " + trainingShare + ": " + e.getMessage());
    }
    long start = System.nanoTime();
    PrintStream err = System.err;
    Corpus data = loadCorpus();
    err.printf(Locale.ROOT, "corpus: %d files, %d messages, %d conversations (sha256 %s)%n",
        data.files().size(), data.messages().size(), data.conversations().size(), data.sha256().substring(0, 12));
    TrainingResult result;
    // The encoder the gateway is configured with (inference.encoder_model), so heads always match it.
    InferenceConfig inference = main.loadConfig().inference();
    try (OnnxTextEncoder encoder = OnnxTextEncoder.load(EncoderSource.configured(inference), 1)) {
      result = TrainingPipeline.run(data, encoder, encoder.name(), options, m -> err.println(m));
    }
    List<Path> written = ModelExport.write(result, out);
    summarise(err, result, written, (System.nanoTime() - start) / 1e9);
    System.out.println(out);
    return 0;
  }

  private Corpus loadCorpus() {
    CorpusLoader.Strictness strictness = skipInvalid ? CorpusLoader.Strictness.SKIP_INVALID : CorpusLoader.Strictness.STRICT;
    Corpus data = corpus != null ? CorpusLoader.fromDirectory(corpus, strictness)
        : Files.isDirectory(SOURCE_CORPUS) ? CorpusLoader.fromDirectory(SOURCE_CORPUS, strictness)
        : CorpusLoader.fromClasspath(strictness);
    data.problems().forEach(p -> System.err.println("skipped invalid line " + p.getMessage()));
    return data;
  }

  private static void summarise(PrintStream err, TrainingResult r, List<Path> written, double seconds) {
    err.println("held-out (precision / recall / F1 at threshold):");
    for (LabelResult l : r.labels()) {
      BinaryMetrics m = l.heldOut();
      if (m != null) {
        err.printf(Locale.ROOT, "  %-40s %.3f / %.3f / %.3f  (n+ %d, t %.3f)%n", l.label(), m.precision(), m.recall(), m.f1(),
            m.support(), l.threshold());
      }
    }
    HeldOutSummary s = r.summary();
    err.printf(Locale.ROOT, "severity exact %.3f, within one %.3f; imminence exact %.3f, within one %.3f; subject %.3f; style %.3f%n",
        s.severityExact(), s.severityWithinOne(), s.imminenceExact(), s.imminenceWithinOne(), s.subjectAccuracy(), s.styleAccuracy());
    written.forEach(p -> err.println("wrote " + p));
    err.printf(Locale.ROOT, "trained in %.1f s%n", seconds);
  }
}
