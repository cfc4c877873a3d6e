package dev.lifeguard.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncoderSourceTest {
  @Test
  void an_operators_encoder_is_named_after_its_onnx_file_so_heads_record_which_encoder_they_need() {
    EncoderSource source = EncoderSource.configured(Optional.of(Path.of("models/e5-small-v2-q.onnx")),
        Optional.of(Path.of("models/e5-small-v2-q-tokenizer.json")));
    assertEquals("e5-small-v2-q", source.name());
    assertEquals(Optional.of(Path.of("models/e5-small-v2-q-tokenizer.json")), source.tokenizerFile());
  }

  @Test
  void without_configured_files_the_packaged_encoder_is_used() {
    EncoderSource source = EncoderSource.configured(Optional.empty(), Optional.empty());
    assertEquals(EncoderSource.DEFAULT_NAME, source.name());
    assertTrue(source.modelFile().isEmpty());
  }
}
