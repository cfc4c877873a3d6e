package dev.lifeguard.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of the protobuf wire format to read an ONNX model's structure: the top-level fields of
 * a message, each with its number and, for length-delimited fields, its bytes. Nested messages are
 * read by reading a field's bytes again.
 */
public final class ProtoReader {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  /**
   * One field. {@code raw} is the whole field as it appeared (tag included), so a message can be
   * written back unchanged around the fields that are edited.
   */
  public record Field(int number, int wireType, byte[] payload, byte[] raw) {
    public String string() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private ProtoReader() {}

  /** The fields of one message, in order. Throws {@link IllegalArgumentException} on malformed bytes. */
  public static List<Field> fields(byte[] message) {
    List<Field> out = new ArrayList<>();
    int[] at = {0};
    while (at[0] < message.length) {
      int start = at[0];
      long tag = varint(message, at);
      int wireType = (int) (tag & 7);
      int number = (int) (tag >>> 3);
      byte[] payload;
      switch (wireType) {
        case VARINT -> {
          int from = at[0];
          varint(message, at);
          payload = Arrays.copyOfRange(message, from, at[0]);
        }
        case FIXED64 -> payload = take(message, at, 8);
        case LENGTH_DELIMITED -> payload = take(message, at, checkedLength(varint(message, at)));
        case FIXED32 -> payload = take(message, at, 4);
        default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType + " at byte " + start);
      }
      out.add(new Field(number, wireType, payload, Arrays.copyOfRange(message, start, at[0])));
    }
    return out;
  }

  private static int checkedLength(long length) {
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("protobuf field length out of range: " + length);
    }
    return (int) length;
  }

  private static byte[] take(byte[] message, int[] at, int length) {
    if (at[0] + length > message.length) {
      throw new IllegalArgumentException("protobuf field runs past the end of its message");
    }
    byte[] out = Arrays.copyOfRange(message, at[0], at[0] + length);
    at[0] += length;
    return out;
  }

  private static long varint(byte[] message, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= message.length) {
        throw new IllegalArgumentException("protobuf varint runs past the end of its message");
      }
      int b = message[at[0]++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("protobuf varint longer than ten bytes");
  }
}
