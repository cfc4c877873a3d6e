package dev.lifeguard.training.corpus;

import java.util.List;
import java.util.stream.Collectors;

/** A corpus with lines that break the spec: every problem, each naming file, line and field. */
public final class InvalidCorpusException extends RuntimeException {
  /** The message lists this many problems; {@link #problems()} has them all. */
  static final int LISTED = 20;

  private final List<CorpusException> problems;

  public InvalidCorpusException(List<CorpusException> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<CorpusException> problems() {
    return problems;
  }

  private static String describe(List<CorpusException> problems) {
    String listed = problems.stream().limit(LISTED).map(p -> "  " + p.getMessage()).collect(Collectors.joining("\n"));
    String more = problems.size() > LISTED ? "\n  … and " + (problems.size() - LISTED) + " more" : "";
    return "the corpus breaks its spec (corpus/README.md) in " + problems.size() + " place(s):\n" + listed + more;
  }
}
