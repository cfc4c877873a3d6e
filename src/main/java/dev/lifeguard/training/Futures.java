package dev.lifeguard.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for training tasks in submission order, so results never depend on which thread finished first. */
final class Futures {
  private Futures() {}

  /** Each task's result, in order; a failed task fails the whole run with its cause. */
  static <T> List<T> join(List<? extends Future<T>> futures, String what) {
    List<T> out = new ArrayList<>();
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    }
    return out;
  }
}
