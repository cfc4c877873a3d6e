package dev.lifeguard.training.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and validates the lines of one corpus file against corpus/README.md. */
final class CorpusParser {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Set<String> MESSAGE_FIELDS = union(LabelsParser.LABEL_FIELDS, Set.of("id", "text"));
  private static final Set<String> CONVERSATION_FIELDS = Set.of("id", "messages", "labels");
  private static final Set<String> TURN_FIELDS = Set.of("role", "content", "label", "concerns");
  /** Ids are stable keys (the split hashes them): no whitespace, a prefix naming the file's area. */
  private static final Pattern ID = Pattern.compile("([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)-[A-Za-z0-9_]+");

  private CorpusParser() {}

  static List<LabeledMessage> messages(String file, List<String> lines, List<CorpusException> problems) {
    List<LabeledMessage> out = new ArrayList<>();
    IdPrefix prefix = new IdPrefix();
    forEachLine(file, lines, problems, f -> {
      f.allowOnly(MESSAGE_FIELDS);
      String id = prefix.check(f, f.string("id", ID));
      out.add(new LabeledMessage(id, f.string("text"), LabelsParser.complete(f), f.source()));
    });
    return out;
  }

  static List<Conversation> conversations(String file, List<String> lines, List<CorpusException> problems) {
    List<Conversation> out = new ArrayList<>();
    IdPrefix prefix = new IdPrefix();
    forEachLine(file, lines, problems, f -> {
      f.allowOnly(CONVERSATION_FIELDS);
      String id = prefix.check(f, f.string("id", ID));
      List<Turn> turns = new ArrayList<>();
      for (Fields t : f.objects("messages")) {
        turns.add(turn(t));
      }
      Fields labels = f.object("labels");
      labels.allowOnly(LabelsParser.LABEL_FIELDS);
      out.add(new Conversation(id, turns, LabelsParser.complete(labels), f.source()));
    });
    return out;
  }

  private static Turn turn(Fields t) {
    t.allowOnly(TURN_FIELDS);
    String role = t.oneOf("role", Vocabulary.ROLES);
    String content = t.string("content");
    if (role.equals("user")) {
      if (t.present("concerns")) {
        throw t.error("concerns", "only assistant turns carry concerns");
      }
      Fields label = t.object("label");
      label.allowOnly(LabelsParser.LABEL_FIELDS);
      return new Turn(role, content, LabelsParser.turn(label), null);
    }
    if (t.present("label")) {
      throw t.error("label", "only user turns carry a label");
    }
    return new Turn(role, content, null, t.strings("concerns", Vocabulary.CONCERNS, null));
  }

  private interface LineHandler {
    void accept(Fields line);
  }

  /** Hands each non-blank line to the handler; a line that breaks the spec is recorded in problems and left out. */
  private static void forEachLine(String file, List<String> lines, List<CorpusException> problems, LineHandler handler) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        handler.accept(new Fields(object(file, i + 1, line), new Source(file, i + 1), ""));
      } catch (CorpusException e) {
        problems.add(e);
      }
    }
  }

  private static JsonNode object(String file, int line, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CorpusException(file, line, "", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new CorpusException(file, line, "", "expected one JSON object per line");
    }
    return node;
  }

  /** All ids of a file share one prefix, the file's area ({@code sui-0001}, {@code sui-0002}, …). */
  private static final class IdPrefix {
    private String expected;

    String check(Fields f, String id) {
      String prefix = id.substring(0, id.lastIndexOf('-'));
      if (expected == null) {
        expected = prefix;
      } else if (!expected.equals(prefix)) {
        throw f.error("id", "\"" + id + "\" does not share the file's id prefix \"" + expected + "-\"");
      }
      return id;
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}
