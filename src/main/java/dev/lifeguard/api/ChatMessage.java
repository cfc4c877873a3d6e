package dev.lifeguard.api;

/** One conversation turn as the screening sees it: a role and its text (parts joined). */
public record ChatMessage(String role, String content) {}
