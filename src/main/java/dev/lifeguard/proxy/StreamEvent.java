package dev.lifeguard.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One item of an upstream chat-completions stream: a parsed {@code data:} object, or the terminal {@code [DONE]}. */
public sealed interface StreamEvent {

  /** The terminal {@code data: [DONE]}; nothing follows it. */
  StreamEvent DONE = new Done();

  /** A {@code chat.completion.chunk} (or whatever object the upstream sent), parsed, owned by the receiver. */
  record Chunk(ObjectNode json) implements StreamEvent {}

  record Done() implements StreamEvent {}

  default boolean isDone() {
    return this instanceof Done;
  }
}
