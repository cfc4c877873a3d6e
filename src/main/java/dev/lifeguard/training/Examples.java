package dev.lifeguard.training;

import dev.lifeguard.classifier.ContextWindow;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.training.corpus.Conversation;
import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.LabeledMessage;
import dev.lifeguard.training.corpus.Labels;
import dev.lifeguard.training.corpus.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corpus as training examples. A single message is one example for the message head; every
 * user turn of a conversation is another, read in context ({@link ContextWindow#textFor}); every
 * assistant turn is an example for the assistant head (the reply plus {@link ContextWindow#contextFor}).
 * Examples carry their group (message or conversation id), so all turns of a conversation fall on
 * the same side of every split.
 */
public record Examples(List<MessageExample> messages, List<ReplyExample> replies, Map<String, String> strata) {

  /** @param text what the encoder reads */
  public record MessageExample(String group, String text, Labels labels) {}

  public record ReplyExample(String group, String reply, String context, List<String> concerns) {}

  public static Examples from(Corpus corpus) {
    List<MessageExample> messages = new ArrayList<>();
    List<ReplyExample> replies = new ArrayList<>();
    Map<String, String> strata = new LinkedHashMap<>();
    for (LabeledMessage m : corpus.messages()) {
      messages.add(new MessageExample(m.id(), m.text(), m.labels()));
      strata.put(m.id(), stratum(m.labels()));
    }
    for (Conversation c : corpus.conversations()) {
      List<ChatMessage> chat = c.chat();
      String firstConcern = "ok";
      for (int i = 0; i < chat.size(); i++) {
        Turn turn = c.turns().get(i);
        if (turn.isUser()) {
          messages.add(new MessageExample(c.id(), ContextWindow.textFor(chat, i), turn.label()));
        } else {
          replies.add(new ReplyExample(c.id(), turn.content(), ContextWindow.contextFor(chat, i), turn.concerns()));
          if (firstConcern.equals("ok") && !turn.concerns().isEmpty()) {
            firstConcern = turn.concerns().get(0);
          }
        }
      }
      strata.put(c.id(), "conversation/" + firstConcern + "/" + stratum(c.labels()));
    }
    return new Examples(messages, replies, strata);
  }

  /** Only the examples of these groups (a message or a whole conversation stays whole). */
  public Examples restrictedTo(Set<String> groups) {
    Map<String, String> kept = new LinkedHashMap<>();
    strata.forEach((group, stratum) -> {
      if (groups.contains(group)) {
        kept.put(group, stratum);
      }
    });
    return new Examples(messages.stream().filter(m -> groups.contains(m.group())).toList(),
        replies.stream().filter(r -> groups.contains(r.group())).toList(), kept);
  }

  /** Split strata: the first risk type, or whether a non-risk item is a hard negative. */
  private static String stratum(Labels l) {
    if (l.risk()) {
      return l.types().get(0);
    }
    return Boolean.TRUE.equals(l.hardNegative()) ? "hard_negative" : "benign";
  }
}
