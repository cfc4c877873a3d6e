package dev.lifeguard.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A non-streaming upstream answer: always 2xx (other statuses are an {@link UpstreamException}), body parsed. */
public record UpstreamReply(int status, ObjectNode body) {}
