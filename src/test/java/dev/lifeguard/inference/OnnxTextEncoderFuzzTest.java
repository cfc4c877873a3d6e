package dev.lifeguard.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.fuzz.FuzzChecks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The encoder's input path on any text (unicode, control characters, lone surrogates, long repeats):
 * tokenising never fails, the windows cover every token in order with at most
 * {@link OnnxTextEncoder#WINDOW_TOKENS} each, and short texts encode to unit vectors.
 */
class OnnxTextEncoderFuzzTest {
  /** Raw text from the fuzzer; a repeat multiplies it up to this many characters. */
  private static final int MAX_TEXT_CHARS = 20_000;
  /** Running the model is milliseconds per window: only texts this short are encoded as well. */
  private static final int ENCODE_BELOW_CHARS = 400;

  private static final OnnxTextEncoder ENCODER = OnnxTextEncoder.load(EncoderSource.classpathDefault(), 1);
  private static final HuggingFaceTokenizer TOKENIZER = tokenizer();

  private static HuggingFaceTokenizer tokenizer() {
    try {
      // The options OnnxTextEncoder uses: no padding, no truncation, special tokens added by the windows.
      return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(EncoderSource.classpathDefault().tokenizerBytes()),
          Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = FuzzChecks.CI_BUDGET)
  void any_text_is_tokenised_and_covered_by_bounded_windows(FuzzedDataProvider in) throws Exception {
    int repeats = in.consumeInt(1, 4000);
    String unit = in.consumeRemainingAsString();
    String text = unit.isEmpty() ? "" : unit.repeat(Math.max(1, Math.min(repeats, MAX_TEXT_CHARS / unit.length())));
    long[] ids = TOKENIZER.encode(text, false, false).getIds();
    assertEquals(ids.length, ENCODER.tokenCount(text));
    List<long[]> windows = ENCODER.windows(ids);
    long[] special = TOKENIZER.encode("", true, false).getIds();
    assertCovers(ids, windows, special[0], special[1]);
    if (text.length() < ENCODE_BELOW_CHARS) {
      FuzzChecks.bounded(text.length() * 2L, () -> {
        float[][] vectors = ENCODER.encode(List.of(text)).get(0);
        assertEquals(windows.size(), vectors.length);
        for (float[] v : vectors) {
          assertEquals(ENCODER.dimension(), v.length);
          double norm = 0;
          for (float x : v) {
            assertTrue(Float.isFinite(x), "a finite vector");
            norm += x * x;
          }
          assertEquals(1.0, Math.sqrt(norm), 1e-3, "a unit vector");
        }
      });
    }
  }

  /** [CLS] + content + [SEP] each, no window over the limit, consecutive windows stride on, the last ends the text. */
  private static void assertCovers(long[] ids, List<long[]> windows, long cls, long sep) {
    assertTrue(!windows.isEmpty(), "at least one window");
    int start = 0;
    for (int w = 0; w < windows.size(); w++) {
      long[] window = windows.get(w);
      assertTrue(window.length >= 2 && window.length <= OnnxTextEncoder.WINDOW_TOKENS + 2, "window of " + window.length);
      assertEquals(cls, window[0]);
      assertEquals(sep, window[window.length - 1]);
      int content = window.length - 2;
      assertArrayEquals(Arrays.copyOfRange(ids, start, start + content), Arrays.copyOfRange(window, 1, window.length - 1),
          "window " + w + " holds the tokens from " + start);
      boolean last = w == windows.size() - 1;
      if (last) {
        assertEquals(ids.length, start + content, "the last window ends the text");
      } else {
        assertEquals(OnnxTextEncoder.WINDOW_TOKENS, content, "only the last window is short");
        start += OnnxTextEncoder.WINDOW_STRIDE;
      }
    }
  }
}
