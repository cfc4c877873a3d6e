package dev.lifeguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private static final String SAMPLE = """
      : keep-alive comment\r
      data: {"id":"c1","choices":[{"delta":{"role":"assistant","content":""}}]}\r
      \r
      event: message\r
      id: 7\r
      data: {"id":"c1","choices":[{"delta":{"content":"Héllo — 世界 🙂"}}]}\r
      \r
      data: first line\r
      data: second line\r
      \r
      data: [DONE]\r
      \r
      """;

  private static List<SseEvent> parse(byte[]... chunks) throws SseException {
    SseParser parser = new SseParser();
    List<SseEvent> events = new ArrayList<>();
    for (byte[] chunk : chunks) {
      events.addAll(parser.feed(chunk));
    }
    return events;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void should_parse_data_events_comments_ids_and_multiline_data() throws SseException {
    List<SseEvent> events = parse(utf8(SAMPLE));

    assertEquals(4, events.size());
    assertEquals("{\"id\":\"c1\",\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}", events.get(0).data());
    assertEquals("message", events.get(1).type());
    assertEquals("7", events.get(1).id());
    assertTrue(events.get(1).data().contains("Héllo — 世界 🙂"));
    assertEquals("first line\nsecond line", events.get(2).data());
    assertEquals("[DONE]", events.get(3).data());
  }

  @Test
  void should_give_the_same_events_for_every_split_position() throws SseException {
    byte[] whole = utf8(SAMPLE);
    List<SseEvent> expected = parse(whole);

    for (int i = 0; i <= whole.length; i++) {
      List<SseEvent> split = parse(Arrays.copyOfRange(whole, 0, i), Arrays.copyOfRange(whole, i, whole.length));
      assertEquals(expected, split, "split at byte " + i);
    }
  }

  @Test
  void should_give_the_same_events_when_fed_one_byte_at_a_time() throws SseException {
    byte[] whole = utf8(SAMPLE.replace("\r\n", "\n"));
    byte[][] bytes = new byte[whole.length][];
    for (int i = 0; i < whole.length; i++) {
      bytes[i] = new byte[] {whole[i]};
    }
    assertEquals(parse(whole), parse(bytes));
    assertEquals(4, parse(bytes).size());
  }

  @Test
  void should_accept_lf_cr_and_crlf_line_endings_alike() throws SseException {
    List<SseEvent> lf = parse(utf8("data: a\ndata: b\n\ndata: c\n\n"));
    List<SseEvent> cr = parse(utf8("data: a\rdata: b\r\rdata: c\r\r"));
    List<SseEvent> crlfSplit = parse(utf8("data: a\r"), utf8("\ndata: b\r"), utf8("\n\r"), utf8("\ndata: c\r\n\r\n"));

    assertEquals(List.of(new SseEvent("message", "", "a\nb"), new SseEvent("message", "", "c")), lf);
    assertEquals(lf, cr);
    assertEquals(lf, crlfSplit);
  }

  @Test
  void should_ignore_comments_unknown_fields_and_events_without_data() throws SseException {
    List<SseEvent> events = parse(utf8(": ping\n\nretry: 100\nfoo: bar\n\nevent: x\n\ndata:no-space\n\n"));

    assertEquals(List.of(new SseEvent("message", "", "no-space")), events);
  }

  @Test
  void should_drop_an_unfinished_event_at_the_end() throws SseException {
    assertEquals(List.of(), parse(utf8("data: partial\n")));
  }

  @Test
  void should_join_a_utf8_character_split_across_chunks() throws SseException {
    byte[] whole = utf8("data: 🙂\n\n");
    int insideEmoji = "data: ".length() + 2;

    List<SseEvent> events = parse(Arrays.copyOfRange(whole, 0, insideEmoji), Arrays.copyOfRange(whole, insideEmoji, whole.length));

    assertEquals("🙂", events.get(0).data());
  }

  @Test
  void should_reject_a_line_over_the_limit_instead_of_buffering_it() {
    SseParser parser = new SseParser(1024);
    byte[] chunk = utf8("data: " + "x".repeat(600));

    SseException e = assertThrows(SseException.class, () -> {
      parser.feed(chunk);
      parser.feed(chunk);
    });
    assertTrue(e.getMessage().contains("longer than 1024 bytes"), e.getMessage());
  }

  @Test
  void should_reject_an_event_over_the_limit_even_when_its_lines_are_short() {
    SseParser parser = new SseParser(1024);
    byte[] line = utf8("data: " + "x".repeat(100) + "\n");

    assertThrows(SseException.class, () -> {
      for (int i = 0; i < 20; i++) {
        parser.feed(line);
      }
    });
  }

  @Test
  void should_reject_bytes_that_are_not_utf8() {
    assertThrows(SseException.class, () -> parse(new byte[] {'d', 'a', 't', 'a', ':', (byte) 0xC3, (byte) 0x28, '\n', '\n'}));
  }
}
