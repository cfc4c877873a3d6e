package dev.lifeguard.training.corpus;

/** Where an item was read: the corpus-relative file name and the 1-based line. */
public record Source(String file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
