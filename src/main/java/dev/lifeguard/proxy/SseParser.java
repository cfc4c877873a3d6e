package dev.lifeguard.proxy;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental {@code text/event-stream} parser, after the WHATWG rules that OpenAI-compatible servers
 * rely on: lines end in CRLF, LF or CR; a blank line ends an event; {@code data:} lines are joined
 * by {@code \n}; lines starting with {@code :} are comments; {@code event:} and {@code id:} are kept,
 * other fields ignored; an event without data is not dispatched; an unfinished event at the end of the
 * stream is dropped.
 *
 * <p>Chunks may split anywhere, even inside a UTF-8 character: lines are cut on bytes ({@code \r} and
 * {@code \n} never occur inside a multi-byte character) and decoded only when complete. Memory is
 * bounded: a line or an event longer than {@code maxEventBytes} is an error. Not thread-safe.
 */
public final class SseParser {
  public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

  private final int maxEventBytes;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  private byte[] line = new byte[256];
  private int lineLength;
  /** The previous chunk ended in CR: an LF at the start of this one belongs to the same line ending. */
  private boolean skipLineFeed;
  private boolean firstLine = true;

  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String type = "";
  private String lastId = "";

  public SseParser() {
    this(DEFAULT_MAX_EVENT_BYTES);
  }

  public SseParser(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  public List<SseEvent> feed(Buffer chunk) throws SseException {
    return feed(chunk.getBytes());
  }

  /** Consumes a chunk and returns the events it completed, in order (often none). */
  public List<SseEvent> feed(byte[] chunk) throws SseException {
    List<SseEvent> events = new ArrayList<>(2);
    for (byte b : chunk) {
      if (skipLineFeed) {
        skipLineFeed = false;
        if (b == '\n') {
          continue;
        }
      }
      if (b == '\r' || b == '\n') {
        skipLineFeed = b == '\r';
        processLine(events);
      } else {
        append(b);
      }
    }
    return events;
  }

  private void append(byte b) throws SseException {
    if (lineLength == maxEventBytes) {
      throw new SseException("event-stream line longer than " + maxEventBytes + " bytes");
    }
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, Math.min(maxEventBytes, line.length * 2));
    }
    line[lineLength++] = b;
  }

  private void processLine(List<SseEvent> events) throws SseException {
    String text = decodeLine();
    if (firstLine) {
      firstLine = false;
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
    }
    if (text.isEmpty()) {
      dispatch(events);
    } else if (text.charAt(0) != ':') {
      int colon = text.indexOf(':');
      String field = colon < 0 ? text : text.substring(0, colon);
      String value = colon < 0 ? "" : text.substring(text.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
      field(field, value);
    }
  }

  private String decodeLine() throws SseException {
    try {
      String text = utf8.decode(ByteBuffer.wrap(line, 0, lineLength)).toString();
      lineLength = 0;
      return text;
    } catch (CharacterCodingException e) {
      throw new SseException("event-stream line is not valid UTF-8");
    } finally {
      utf8.reset();
    }
  }

  private void field(String field, String value) throws SseException {
    switch (field) {
      case "data" -> {
        // Chars, not bytes, but within a factor of 4 — the bound is on memory, not an exact size.
        if (data.length() + value.length() + 1 > maxEventBytes) {
          throw new SseException("event-stream event longer than " + maxEventBytes + " bytes");
        }
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "event" -> type = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastId = value;
        }
      }
      default -> { } // retry: and unknown fields are ignored, as the standard says
    }
  }

  private void dispatch(List<SseEvent> events) {
    if (hasData) {
      events.add(new SseEvent(type.isEmpty() ? "message" : type, lastId, data.toString()));
    }
    data.setLength(0);
    hasData = false;
    type = "";
  }
}
