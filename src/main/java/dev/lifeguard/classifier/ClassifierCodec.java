package dev.lifeguard.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.lifeguard.assessment.Assessment;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The classifier's messages ({@link AssessJob} out, {@link Assessment} back) on the event bus.
 * Delivered in-process they pass by reference ({@link #transform} is the identity, so an {@code all}
 * instance never serialises); between the nodes of a cluster they travel as JSON of the records,
 * which carries every field, so a gateway's views equal an {@code all} instance's.
 */
public final class ClassifierCodec implements MessageCodec<Object, Object> {
  public static final String NAME = "lifeguard.classifier";
  private static final byte JOB = 1;
  private static final byte ASSESSMENT = 2;
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new Jdk8Module())
      // The same assessment is always the same bytes (maps are hash-ordered in memory).
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  @Override
  public void encodeToWire(Buffer buffer, Object body) {
    byte type;
    if (body instanceof AssessJob) {
      type = JOB;
    } else if (body instanceof Assessment) {
      type = ASSESSMENT;
    } else {
      throw new IllegalArgumentException("not a classifier message: " + body.getClass().getSimpleName());
    }
    byte[] json = toJson(body);
    buffer.appendByte(type).appendInt(json.length).appendBytes(json);
  }

  @Override
  public Object decodeFromWire(int pos, Buffer buffer) {
    byte type = buffer.getByte(pos);
    int length = buffer.getInt(pos + 1);
    byte[] json = buffer.getBytes(pos + 5, pos + 5 + length);
    return switch (type) {
      case JOB -> fromJson(json, AssessJob.class);
      case ASSESSMENT -> fromJson(json, Assessment.class);
      default -> throw new IllegalArgumentException("unknown classifier message type " + type);
    };
  }

  @Override
  public Object transform(Object body) {
    return body;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }

  static byte[] toJson(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the value, which may be conversation text: name the type only.
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  static <T> T fromJson(byte[] json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read " + type.getSimpleName() + " (" + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
