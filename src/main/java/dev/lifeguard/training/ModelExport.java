package dev.lifeguard.training;

import dev.lifeguard.inference.ProbeHeads;
import dev.lifeguard.training.onnx.LinearHead;
import dev.lifeguard.training.onnx.OnnxHeadWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a training run into a models directory: the two ONNX heads, the word lexicon, heads.json and MODEL_CARD.md. */
public final class ModelExport {
  public static final String MODEL_CARD = "MODEL_CARD.md";

  private ModelExport() {}

  /** Writes every file (each atomically, via a temporary sibling) and returns the paths written. */
  public static List<Path> write(TrainingResult result, Path dir) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (LinearHead head : List.of(result.message().head(), result.assistant().head())) {
      byte[] onnx = OnnxHeadWriter.write(head);
      files.put(HeadsManifest.fileName(head), onnx);
      hashes.put(HeadsManifest.fileName(head), sha256(onnx));
    }
    byte[] lexicon = result.lexicon().toBytes();
    files.put(HeadsManifest.LEXICON_FILE, lexicon);
    hashes.put(HeadsManifest.LEXICON_FILE, sha256(lexicon));
    files.put(ProbeHeads.MANIFEST, HeadsManifest.render(result, hashes));
    files.put(MODEL_CARD, ModelCard.render(result).getBytes(StandardCharsets.UTF_8));
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey());
        Path tmp = dir.resolve(f.getKey() + ".tmp");
        Files.write(tmp, f.getValue());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write models to " + dir + ": " + e.getMessage(), e);
    }
    return written;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
