package dev.lifeguard.ocular;

import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.classifier.ContextWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Long conversations are read in windows of at most {@value #MAX_MESSAGES} messages, anchored at the
 * end (the latest window is always full). Neighbours overlap by {@link ContextWindow#PREVIOUS_TURNS}
 * messages, so every turn is scored with exactly the context it has in the whole conversation (and
 * the classifier's per-turn cache answers for it); each turn's trajectory point comes from the
 * earliest window that reads it with that context.
 */
public final class Windows {
  /** Keeps the assessor's per-turn pass (quadratic in turns) bounded; a 100-message request is two windows. */
  public static final int MAX_MESSAGES = 50;
  static final int OVERLAP = ContextWindow.PREVIOUS_TURNS;

  /**
   * @param start  index of the window's first message in the conversation
   * @param owned  first conversation index whose trajectory point this window gives
   */
  public record Window(int start, int owned, List<ChatMessage> messages) {
    public Window {
      messages = List.copyOf(messages);
    }
  }

  private Windows() {}

  /** Oldest first. */
  public static List<Window> split(List<ChatMessage> messages) {
    return split(messages, MAX_MESSAGES);
  }

  static List<Window> split(List<ChatMessage> messages, int size) {
    List<int[]> bounds = new ArrayList<>();
    int end = messages.size();
    while (true) {
      int start = Math.max(0, end - size);
      bounds.add(0, new int[] {start, end});
      if (start == 0) {
        break;
      }
      end = start + OVERLAP;
    }
    List<Window> windows = new ArrayList<>(bounds.size());
    for (int i = 0; i < bounds.size(); i++) {
      int[] b = bounds.get(i);
      int owned = i == 0 ? 0 : bounds.get(i - 1)[1];
      windows.add(new Window(b[0], owned, messages.subList(b[0], b[1])));
    }
    return windows;
  }
}
