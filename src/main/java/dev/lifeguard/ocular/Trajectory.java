package dev.lifeguard.ocular;

import java.util.ArrayList;
import java.util.List;

/** The per-turn verdicts ({@code per_turn: true}), thinned by a stride and capped at {@value #MAX_POINTS}. */
public record Trajectory(List<Point> points, boolean truncated) {
  /** The seed's cap. The latest turns are kept: they say where the conversation is now. */
  public static final int MAX_POINTS = 200;

  /** One turn: its role, its index in the request's {@code messages}, and the verdict as of it. */
  public record Point(String role, int turn, Verdict verdict) {}

  public Trajectory {
    points = List.copyOf(points);
  }

  /** Every {@code stride}-th point from the first, always with the last; then the latest {@value #MAX_POINTS}. */
  public static Trajectory of(List<Point> all, int stride) {
    List<Point> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (i % stride == 0 || i == all.size() - 1) {
        kept.add(all.get(i));
      }
    }
    boolean truncated = kept.size() > MAX_POINTS;
    return new Trajectory(truncated ? kept.subList(kept.size() - MAX_POINTS, kept.size()) : kept, truncated);
  }
}
