package dev.lifeguard.proxy;

/**
 * One server-sent event.
 *
 * @param type the {@code event:} field, {@code "message"} when absent
 * @param id the last {@code id:} seen on the stream, empty when none
 * @param data the {@code data:} lines joined by {@code \n}
 */
public record SseEvent(String type, String id, String data) {}
