package dev.lifeguard.inference;

import java.util.List;

/** Text → sentence vectors. Implementations are thread-safe. */
public interface TextEncoder extends AutoCloseable {

  /** Length of every vector. */
  int dimension();

  /** Which hidden layers a vector is pooled from, in words; trained heads record it and must match. */
  String layers();

  /**
   * Encodes texts. Each text gets one L2-normalised vector per window: one for ordinary messages,
   * several overlapping ones for long texts, which are covered whole and never cut.
   */
  List<float[][]> encode(List<String> texts);

  /** The number of tokens a text has (without special tokens), for windowing and metrics. */
  int tokenCount(String text);

  @Override
  void close();
}
