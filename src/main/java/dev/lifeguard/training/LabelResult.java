package dev.lifeguard.training;

import dev.lifeguard.training.learn.BinaryMetrics;

/**
 * What training decided and measured for one output label.
 *
 * @param l2 the penalty chosen for this label from {@link TrainingOptions#l2Grid()}
 * @param rule how the threshold was chosen
 * @param calibration method and parameters, e.g. {@code platt a=0.8 b=-1.2}
 * @param crossValidated out-of-fold metrics on the training split (what the threshold was chosen on)
 * @param heldOut metrics on the held-out split at {@code threshold}; null when nothing was held out
 */
public record LabelResult(String label, String head, int trainPositives, int trainNegatives, double l2, String rule,
    double threshold, String calibration, BinaryMetrics crossValidated, BinaryMetrics heldOut) {}
