package dev.lifeguard.training.corpus;

import java.util.List;

/**
 * A validated corpus.
 *
 * @param sha256 hex SHA-256 over every file's corpus-relative name and bytes, in name order
 * @param files the corpus-relative names of the files read, in order
 * @param problems lines left out because they break the spec (empty for a strict load)
 */
public record Corpus(List<LabeledMessage> messages, List<Conversation> conversations, List<String> files,
    String sha256, List<CorpusException> problems) {

  public Corpus {
    messages = List.copyOf(messages);
    conversations = List.copyOf(conversations);
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }
}
