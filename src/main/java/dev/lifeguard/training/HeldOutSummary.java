package dev.lifeguard.training;

/**
 * Whole-block numbers on the held-out split: severity and imminence levels = how many "≥ level"
 * heads reach probability 0.5; subject and style = the label with the highest probability.
 *
 * @param severityItems held-out message-head items (all carry a severity)
 * @param imminenceItems held-out items with risk (imminence is learnt among them)
 */
public record HeldOutSummary(int severityItems, double severityExact, double severityWithinOne,
    int imminenceItems, double imminenceExact, double imminenceWithinOne,
    int subjectItems, double subjectAccuracy, int styleItems, double styleAccuracy) {}
