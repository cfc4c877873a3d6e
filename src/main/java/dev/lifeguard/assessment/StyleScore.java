package dev.lifeguard.assessment;

import dev.lifeguard.taxonomy.Style;

/** A communication style with the confidence that the text is written in it. */
public record StyleScore(Style style, double confidence) {}
