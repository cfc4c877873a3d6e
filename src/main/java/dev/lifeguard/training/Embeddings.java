package dev.lifeguard.training;

import dev.lifeguard.inference.ProbeHeads;
import dev.lifeguard.inference.TextEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Encodes texts with the frozen encoder, once per distinct text, on a few threads. The encoder runs
 * every window alone, so a vector does not depend on which thread or batch produced it.
 */
final class Embeddings {
  /** Texts per task: big enough to amortise scheduling, small enough to balance the threads. */
  private static final int CHUNK = 64;

  private Embeddings() {}

  /** One pooled vector ({@link ProbeHeads#messageVector}) per text, in order. */
  static float[][] encode(TextEncoder encoder, List<String> texts, int threads) {
    List<String> distinct = texts.stream().distinct().toList();
    Map<String, float[]> vectors = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<List<float[][]>>> chunks = new ArrayList<>();
      for (int from = 0; from < distinct.size(); from += CHUNK) {
        List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
        chunks.add(pool.submit(() -> encoder.encode(chunk)));
      }
      int at = 0;
      for (Future<List<float[][]>> chunk : chunks) {
        for (float[][] windows : chunk.get()) {
          vectors.put(distinct.get(at++), ProbeHeads.messageVector(windows));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while encoding", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("encoding failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return texts.stream().map(vectors::get).toArray(float[][]::new);
  }

  /** [first ; second] per row, the assistant head's input. */
  static float[][] concat(float[][] first, float[][] second) {
    float[][] out = new float[first.length][];
    for (int i = 0; i < first.length; i++) {
      out[i] = new float[first[i].length + second[i].length];
      System.arraycopy(first[i], 0, out[i], 0, first[i].length);
      System.arraycopy(second[i], 0, out[i], first[i].length, second[i].length);
    }
    return out;
  }
}
