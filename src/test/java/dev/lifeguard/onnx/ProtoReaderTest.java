package dev.lifeguard.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {

  @Test
  void reads_back_what_the_writer_wrote_and_keeps_each_field_verbatim() {
    byte[] inner = new ProtoWriter().string(1, "last_hidden_state").toByteArray();
    byte[] message = new ProtoWriter().varint(1, 300).string(2, "hi").message(3, new ProtoWriter().string(1, "last_hidden_state"))
        .varint(4, -1).toByteArray();
    List<ProtoReader.Field> fields = ProtoReader.fields(message);
    assertEquals(List.of(1, 2, 3, 4), fields.stream().map(ProtoReader.Field::number).toList());
    assertEquals("hi", fields.get(1).string());
    assertArrayEquals(inner, fields.get(2).payload());
    assertEquals(10, fields.get(3).payload().length, "a negative varint takes ten bytes");
    byte[] joined = fields.stream().map(ProtoReader.Field::raw).reduce(new byte[0], ProtoReaderTest::concat);
    assertArrayEquals(message, joined);
  }

  @Test
  void truncated_or_unknown_input_is_refused_with_a_reason() {
    byte[] message = new ProtoWriter().string(2, "hello").toByteArray();
    byte[] cut = Arrays.copyOf(message, message.length - 2);
    assertEquals("protobuf field runs past the end of its message",
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(cut)).getMessage());
    assertEquals("unsupported protobuf wire type 3 at byte 0",
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(new byte[] {(byte) 0x0B})).getMessage());
    assertEquals("protobuf varint runs past the end of its message",
        assertThrows(IllegalArgumentException.class, () -> ProtoReader.fields(new byte[] {(byte) 0x08, (byte) 0x80})).getMessage());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
