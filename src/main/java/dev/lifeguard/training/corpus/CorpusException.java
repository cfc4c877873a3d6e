package dev.lifeguard.training.corpus;

/** A corpus file that breaks the spec: names the file, the line and the field so an author can fix it. */
public final class CorpusException extends RuntimeException {
  private final String file;
  private final int line;
  private final String field;

  public CorpusException(String file, int line, String field, String problem) {
    super(file + ":" + line + (field.isEmpty() ? "" : ": field '" + field + "'") + ": " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** The JSON path of the offending field (e.g. {@code messages[2].label.severity}), empty for the line as a whole. */
  public String field() {
    return field;
  }
}
