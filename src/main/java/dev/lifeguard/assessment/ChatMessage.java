package dev.lifeguard.assessment;

/** One conversation turn as the assessment sees it: a role (user, assistant, system…) and its text. */
public record ChatMessage(String role, String content) {}
