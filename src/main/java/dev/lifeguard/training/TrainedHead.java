package dev.lifeguard.training;

import dev.lifeguard.training.onnx.LinearHead;
import java.util.List;

/**
 * A trained head ready for export, what was decided per label, and the labels left out for lack of
 * data (with the reason).
 */
public record TrainedHead(LinearHead head, List<LabelResult> labels, List<String> skipped) {

  public TrainedHead {
    labels = List.copyOf(labels);
    skipped = List.copyOf(skipped);
  }
}
