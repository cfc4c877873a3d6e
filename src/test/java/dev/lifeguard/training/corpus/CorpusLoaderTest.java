package dev.lifeguard.training.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusLoaderTest {
  static final String RISK_MESSAGE = "{\"id\": \"sui-0001\", \"text\": \"i just want to sleep and not wake up\", \"lang\": \"en\","
      + " \"risk\": true, \"types\": [\"suicide\"], \"subject\": \"self\", \"severity\": \"moderate\", \"imminence\": \"chronic\","
      + " \"style\": \"minimized\", \"fiction\": false, \"authentic\": true, \"features\": [\"passive_ideation\"],"
      + " \"protective\": [\"pets\"], \"hard_negative\": false}";
  static final String SAFE_MESSAGE = "{\"id\": \"sui-0002\", \"text\": \"kill the process\", \"lang\": \"en\", \"risk\": false,"
      + " \"types\": [], \"subject\": null, \"severity\": \"none\", \"imminence\": \"not_applicable\", \"style\": \"direct\","
      + " \"fiction\": false, \"authentic\": true, \"features\": [], \"protective\": [], \"hard_negative\": true}";
  static final String CONVERSATION = "{\"id\": \"conv-0001\", \"messages\": ["
      + "{\"role\": \"user\", \"content\": \"exam week is killing me lol\", \"label\": {\"risk\": false}},"
      + "{\"role\": \"assistant\", \"content\": \"What subject?\", \"concerns\": [\"emotional_failure\"]},"
      + "{\"role\": \"user\", \"content\": \"i don't see the point\", \"label\": {\"risk\": true, \"types\": [\"suicide\"],"
      + " \"subject\": \"self\", \"severity\": \"moderate\", \"imminence\": \"chronic\"}}],"
      + " \"labels\": {\"risk\": true, \"types\": [\"suicide\"], \"subject\": \"self\", \"severity\": \"moderate\","
      + " \"imminence\": \"chronic\", \"style\": \"minimized\", \"fiction\": false, \"authentic\": true,"
      + " \"features\": [\"hopelessness\"], \"protective\": [], \"hard_negative\": false, \"lang\": \"en\"}}";

  private static Map<String, byte[]> files(String messages, String conversations) {
    return Map.of("messages/self-suicide-1.jsonl", messages.getBytes(StandardCharsets.UTF_8),
        "conversations/conv-1.jsonl", conversations.getBytes(StandardCharsets.UTF_8));
  }

  private static CorpusException onlyProblem(String messages) {
    InvalidCorpusException e = assertThrows(InvalidCorpusException.class,
        () -> CorpusLoader.parse(files(messages, CONVERSATION), CorpusLoader.Strictness.STRICT));
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  @Test
  void valid_messages_and_conversations_are_read_with_their_labels() {
    Corpus corpus = CorpusLoader.parse(files(RISK_MESSAGE + "\n\n" + SAFE_MESSAGE + "\n", CONVERSATION), CorpusLoader.Strictness.STRICT);
    assertEquals(2, corpus.messages().size());
    LabeledMessage risk = corpus.messages().get(0);
    assertEquals(2, risk.labels().severity());
    assertEquals(1, risk.labels().imminence());
    assertEquals("self", risk.labels().subject());
    assertNull(corpus.messages().get(1).labels().subject());
    Conversation c = corpus.conversations().get(0);
    assertEquals(3, c.turns().size());
    assertNull(c.turns().get(0).label().style(), "a turn label without style leaves it unannotated");
    assertEquals(java.util.List.of("emotional_failure"), c.turns().get(1).concerns());
    assertEquals(64, corpus.sha256().length());
  }

  @Test
  void a_bad_value_names_file_line_and_field() {
    CorpusException e = onlyProblem(SAFE_MESSAGE + "\n" + RISK_MESSAGE.replace("\"moderate\"", "\"severe\""));
    assertEquals("messages/self-suicide-1.jsonl", e.file());
    assertEquals(2, e.line());
    assertEquals("severity", e.field());
    assertTrue(e.getMessage().startsWith("messages/self-suicide-1.jsonl:2: field 'severity'"), e.getMessage());
  }

  @Test
  void cross_field_rules_are_enforced() {
    assertEquals("types", onlyProblem(RISK_MESSAGE.replace("[\"suicide\"]", "[]")).field());
    assertEquals("subject", onlyProblem(SAFE_MESSAGE.replace("\"subject\": null", "\"subject\": \"self\"")).field());
    assertEquals("imminence", onlyProblem(RISK_MESSAGE.replace("\"chronic\"", "\"not_applicable\"")).field());
    assertEquals("hard_negative", onlyProblem(RISK_MESSAGE.replace("\"hard_negative\": false", "\"hard_negative\": true")).field());
  }

  @Test
  void missing_unknown_and_malformed_fields_are_errors() {
    assertEquals("lang", onlyProblem(RISK_MESSAGE.replace("\"lang\": \"en\",", "")).field());
    assertEquals("sevrity", onlyProblem(RISK_MESSAGE.replace("\"style\"", "\"sevrity\": 1, \"style\"")).field());
    assertEquals("protective", onlyProblem(RISK_MESSAGE.replace("[\"pets\"]", "[\"recovery\"]")).field());
    assertEquals("types", onlyProblem(RISK_MESSAGE.replace("[\"suicide\"]", "[\"suicide\", \"suicide\"]")).field());
    assertEquals("", onlyProblem("{not json").field());
  }

  @Test
  void conversation_turns_are_validated_with_their_path() {
    String bad = CONVERSATION.replace("\"severity\": \"moderate\", \"imminence\": \"chronic\"}}]", "\"severity\": \"bad\", \"imminence\": \"chronic\"}}]");
    InvalidCorpusException e = assertThrows(InvalidCorpusException.class,
        () -> CorpusLoader.parse(files(RISK_MESSAGE, bad), CorpusLoader.Strictness.STRICT));
    assertEquals("messages[2].label.severity", e.problems().get(0).field());
    String concernOnUser = CONVERSATION.replace("\"label\": {\"risk\": false}", "\"label\": {\"risk\": false}, \"concerns\": []");
    e = assertThrows(InvalidCorpusException.class,
        () -> CorpusLoader.parse(files(RISK_MESSAGE, concernOnUser), CorpusLoader.Strictness.STRICT));
    assertEquals("messages[0].concerns", e.problems().get(0).field());
  }

  @Test
  void ids_are_unique_across_files_and_share_the_file_prefix() {
    String duplicate = CONVERSATION.replace("conv-0001", "sui-0001");
    InvalidCorpusException e = assertThrows(InvalidCorpusException.class,
        () -> CorpusLoader.parse(files(RISK_MESSAGE, duplicate), CorpusLoader.Strictness.STRICT));
    assertTrue(e.getMessage().contains("already used at messages/self-suicide-1.jsonl:1"), e.getMessage());
    assertEquals("id", onlyProblem(RISK_MESSAGE + "\n" + SAFE_MESSAGE.replace("sui-0002", "sh-0002")).field());
  }

  @Test
  void skipping_invalid_lines_keeps_the_rest_and_lists_the_problems() {
    String messages = RISK_MESSAGE + "\n" + SAFE_MESSAGE.replace("\"none\"", "\"nope\"");
    Corpus corpus = CorpusLoader.parse(files(messages, CONVERSATION), CorpusLoader.Strictness.SKIP_INVALID);
    assertEquals(1, corpus.messages().size());
    assertEquals(1, corpus.problems().size());
    assertNotEquals(CorpusLoader.parse(files(RISK_MESSAGE, CONVERSATION), CorpusLoader.Strictness.STRICT).sha256(), corpus.sha256());
  }

  @Test
  void the_packaged_corpus_is_found_on_the_classpath() {
    Corpus corpus = CorpusLoader.fromClasspath(CorpusLoader.Strictness.SKIP_INVALID);
    assertTrue(corpus.messages().size() > 100, "messages: " + corpus.messages().size());
    assertTrue(corpus.files().stream().allMatch(f -> f.startsWith("messages/") || f.startsWith("conversations/")));
  }
}
