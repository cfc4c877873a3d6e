package dev.lifeguard.training.learn;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search. Deterministic: the same objective
 * and start give the same bits, which keeps exported models byte-identical across runs.
 */
public final class Lbfgs {
  /** Curvature pairs kept; 10 is the usual choice, more buys little on convex problems. */
  static final int MEMORY = 10;
  private static final double ARMIJO = 1e-4;
  private static final int MAX_HALVINGS = 40;

  private Lbfgs() {}

  /** Minimises from {@code start}; stops at {@code maxIterations}, a tiny gradient or a stalled value. */
  public static double[] minimize(Objective f, double[] start, int maxIterations, double tolerance) {
    int n = f.dimension();
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.evaluate(x, g);
    Deque<double[][]> pairs = new ArrayDeque<>(); // {s, y, rho}
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    for (int iter = 0; iter < maxIterations && maxAbs(g) > tolerance; iter++) {
      double[] d = direction(g, pairs);
      double slope = dot(g, d);
      if (slope >= 0) { // lost descent (numerical noise): restart from steepest descent
        pairs.clear();
        d = negate(g);
        slope = dot(g, d);
      }
      double step = pairs.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
      double fNew = Double.NaN;
      for (int h = 0; h < MAX_HALVINGS; h++, step *= 0.5) {
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * d[i];
        }
        fNew = f.evaluate(xNew, gNew);
        if (fNew <= fx + ARMIJO * step * slope) {
          break;
        }
      }
      if (!(fNew <= fx)) {
        break; // no decrease possible along d: converged to machine precision
      }
      remember(pairs, x, xNew, g, gNew);
      boolean stalled = fx - fNew <= 1e-12 * Math.max(1.0, Math.abs(fx));
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (stalled) {
        break;
      }
    }
    return x;
  }

  /** The two-loop recursion: d = -H g with H the L-BFGS inverse-Hessian estimate. */
  private static double[] direction(double[] g, Deque<double[][]> pairs) {
    double[] q = g.clone();
    double[] alpha = new double[pairs.size()];
    int k = 0;
    for (var it = pairs.descendingIterator(); it.hasNext(); k++) { // newest first
      double[][] p = it.next();
      alpha[k] = p[2][0] * dot(p[0], q);
      axpy(-alpha[k], p[1], q);
    }
    if (!pairs.isEmpty()) {
      double[][] last = pairs.peekLast();
      double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
      scale(q, gamma);
    }
    k = pairs.size() - 1;
    for (double[][] p : pairs) { // oldest first
      double beta = p[2][0] * dot(p[1], q);
      axpy(alpha[k--] - beta, p[0], q);
    }
    return negate(q);
  }

  private static void remember(Deque<double[][]> pairs, double[] x, double[] xNew, double[] g, double[] gNew) {
    int n = x.length;
    double[] s = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    double sy = dot(s, y);
    if (sy <= 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      return; // curvature condition fails: the pair would break positive definiteness
    }
    if (pairs.size() == MEMORY) {
      pairs.removeFirst();
    }
    pairs.addLast(new double[][] {s, y, {1.0 / sy}});
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static void scale(double[] x, double a) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
  }

  private static double[] negate(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = -x[i];
    }
    return out;
  }

  private static double maxAbs(double[] x) {
    double m = 0;
    for (double v : x) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
