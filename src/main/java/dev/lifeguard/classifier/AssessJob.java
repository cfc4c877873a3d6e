package dev.lifeguard.classifier;

import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import java.util.List;

/** One conversation to assess, as sent to the classifier workers. */
public record AssessJob(List<ChatMessage> messages, AssessmentContext context) {
  public AssessJob {
    messages = List.copyOf(messages);
  }
}
