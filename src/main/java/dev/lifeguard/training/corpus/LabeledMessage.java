package dev.lifeguard.training.corpus;

/** One line of {@code messages/*.jsonl}. */
public record LabeledMessage(String id, String text, Labels labels, Source source) {}
