package dev.lifeguard.training.learn;

/** A smooth function to minimise: its value at {@code x}, with the gradient written into {@code gradient}. */
public interface Objective {
  int dimension();

  double evaluate(double[] x, double[] gradient);
}
