package dev.lifeguard.taxonomy;

/** One issue a proposed assistant reply can have ({@code proposed_response_evaluation.issues[]}). */
public record ResponseIssue(String name, String description, IssueTier tier) {}
