package dev.lifeguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.fuzz.FuzzChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An upstream stream, split anywhere, yields events or an {@link SseException}, never anything else;
 * how it is split changes nothing: one chunk, byte by byte and the fuzzer's own cuts agree.
 */
class SseParserFuzzTest {

  /** The outcome of one way of feeding the stream: the events, and whether it was refused. */
  private record Outcome(List<SseEvent> events, boolean refused) {}

  @FuzzTest(maxDuration = FuzzChecks.CI_BUDGET)
  @DictionaryEntries({"data:", "data: ", "event:", "id:", "retry:", ":", "[DONE]"})
  void any_split_of_any_stream_gives_the_same_events(FuzzedDataProvider in) throws Exception {
    int maxEventBytes = in.consumeInt(0, 300);
    int[] cuts = new int[in.consumeInt(0, 16)];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = in.consumeInt(0, 4096);
    }
    byte[] stream = in.consumeRemainingAsBytes();
    FuzzChecks.bounded(stream.length, () -> {
      Outcome whole = feed(maxEventBytes, List.of(stream));
      Outcome byteByByte = feed(maxEventBytes, bytes(stream));
      Outcome cut = feed(maxEventBytes, cut(stream, cuts));
      assertEquals(whole.refused(), byteByByte.refused(), "refused in one chunk and byte by byte alike");
      assertEquals(whole.refused(), cut.refused(), "refused in one chunk and in the fuzzer's chunks alike");
      if (!whole.refused()) {
        assertEquals(whole.events(), byteByByte.events());
        assertEquals(whole.events(), cut.events());
      } else {
        // Events completed before the refusal came out in order; they are a prefix of any other split's.
        assertPrefix(byteByByte.events(), cut.events());
      }
      for (SseEvent e : byteByByte.events()) {
        assertTrue(e.data().length() <= Math.max(maxEventBytes, 1), "an event's data stays within the limit");
        assertTrue(!e.type().isEmpty());
      }
    });
  }

  private static Outcome feed(int maxEventBytes, List<byte[]> chunks) {
    SseParser parser = new SseParser(maxEventBytes);
    List<SseEvent> events = new ArrayList<>();
    try {
      for (byte[] chunk : chunks) {
        events.addAll(parser.feed(chunk));
      }
      return new Outcome(events, false);
    } catch (SseException e) {
      return new Outcome(events, true);
    }
  }

  private static List<byte[]> bytes(byte[] stream) {
    List<byte[]> out = new ArrayList<>(stream.length);
    for (byte b : stream) {
      out.add(new byte[] {b});
    }
    return out;
  }

  private static List<byte[]> cut(byte[] stream, int[] cuts) {
    int[] at = Arrays.stream(cuts).map(c -> Math.min(c, stream.length)).sorted().toArray();
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    for (int c : at) {
      out.add(Arrays.copyOfRange(stream, from, c));
      from = c;
    }
    out.add(Arrays.copyOfRange(stream, from, stream.length));
    return out;
  }

  private static void assertPrefix(List<SseEvent> a, List<SseEvent> b) {
    List<SseEvent> shorter = a.size() <= b.size() ? a : b;
    List<SseEvent> longer = a.size() <= b.size() ? b : a;
    assertEquals(shorter, longer.subList(0, shorter.size()));
  }
}
