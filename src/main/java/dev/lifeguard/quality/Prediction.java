package dev.lifeguard.quality;

import java.util.Set;

/** What the assessor said about one text, reduced to what the evaluation sets label. */
public record Prediction(boolean risk, Set<String> types, String subject, String severity) {}
