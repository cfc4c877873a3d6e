package dev.lifeguard.inference;

import dev.lifeguard.config.InferenceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the encoder's ONNX graph and tokenizer come from: files an operator drops into
 * {@code models/} (a multilingual encoder, say), or the default all-MiniLM-L6-v2 (quantized) that
 * ships inside a Maven jar.
 */
public record EncoderSource(String name, Optional<Path> modelFile, Optional<Path> tokenizerFile) {

  public static final String DEFAULT_NAME = "all-minilm-l6-v2-q";
  private static final String DEFAULT_MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String DEFAULT_TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  public static EncoderSource classpathDefault() {
    return new EncoderSource(DEFAULT_NAME, Optional.empty(), Optional.empty());
  }

  public static EncoderSource files(String name, Path model, Path tokenizer) {
    return new EncoderSource(name, Optional.of(model), Optional.of(tokenizer));
  }

  /** The encoder {@code inference.encoder_model} / {@code inference.encoder_tokenizer} name, else the default. */
  public static EncoderSource configured(InferenceConfig inference) {
    return configured(inference.encoderModel(), inference.encoderTokenizer());
  }

  /** The configured encoder files (named after the ONNX file), else the default in the jar. */
  public static EncoderSource configured(Optional<Path> model, Optional<Path> tokenizer) {
    return model.isPresent()
        ? files(model.get().getFileName().toString().replaceFirst("\\.onnx$", ""), model.get(), tokenizer.orElseThrow())
        : classpathDefault();
  }

  byte[] modelBytes() {
    return read(modelFile, DEFAULT_MODEL);
  }

  byte[] tokenizerBytes() {
    return read(tokenizerFile, DEFAULT_TOKENIZER);
  }

  private static byte[] read(Optional<Path> file, String resource) {
    try {
      if (file.isPresent()) {
        return Files.readAllBytes(file.get());
      }
      try (InputStream in = EncoderSource.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("encoder resource " + resource + " is not on the classpath");
        }
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read encoder file " + file.map(Path::toString).orElse(resource), e);
    }
  }
}
