package dev.lifeguard.quality;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The measured quality of the committed classifier: {@code quality.json} (what the regression test
 * compares against) and a section of {@code MODEL_CARD.md} between markers, replaced on each record.
 */
public final class QualityRecord {
  public static final String FILE = "quality.json";
  static final String BEGIN = "<!-- quality:begin (written by `java -jar target/lifeguard.jar eval --heldout --record models ...`) -->";
  static final String END = "<!-- quality:end -->";

  private QualityRecord() {}

  public static void write(Path dir, JsonObject results, String rendered) throws IOException {
    Files.writeString(dir.resolve(FILE), results.encodePrettily() + "\n", StandardCharsets.UTF_8);
    Path card = dir.resolve("MODEL_CARD.md");
    String text = Files.isRegularFile(card) ? Files.readString(card, StandardCharsets.UTF_8) : "";
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin >= 0 && end > begin) {
      text = text.substring(0, begin) + text.substring(end + END.length());
    }
    String section = BEGIN + "\n## Measured quality of the whole assessor\n\n"
        + "Encoder + heads + evidence rules, each text as one user message, nothing known about the user. "
        + "Rows with unknown risk are excluded (SCHEMA.md). The regression test (QualityIT) fails when a recall drops "
        + "or a false-positive rate rises by more than 2 points against quality.json. \"Reply replaced\" counts the texts "
        + "for which /v1/safe would answer with its own reply instead of the model's under the screening policy in force "
        + "(by default: at high or critical risk to the speaker); flagged moderate or above is where `show_resources` turns true.\n\n```\n"
        + rendered.strip() + "\n```\n" + END + "\n";
    Files.writeString(card, text.stripTrailing() + "\n\n" + section, StandardCharsets.UTF_8);
  }

  public static JsonObject read(Path dir) throws IOException {
    return new JsonObject(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8));
  }
}
