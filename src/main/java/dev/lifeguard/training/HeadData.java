package dev.lifeguard.training;

import java.util.List;

/**
 * The encoded examples of one head.
 *
 * @param x input vectors, one row per example
 * @param truths what each example says (labels, or an assistant turn's concerns)
 * @param heldOut rows never used for fitting, calibrating or choosing thresholds
 * @param fold cross-validation fold of each training row
 */
record HeadData<T>(String name, float[][] x, List<T> truths, boolean[] heldOut, int[] fold) {

  int dimension() {
    return x[0].length;
  }
}
