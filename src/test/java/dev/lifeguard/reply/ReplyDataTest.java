package dev.lifeguard.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The data files: complete in every language, no numbers or service names typed in, patterns valid. */
class ReplyDataTest {

  @Test
  void every_language_has_every_template_and_no_digit() {
    for (String language : ReplyContext.LANGUAGES) {
      Templates t = Templates.of(language);
      assertTrue(t.all().keySet().containsAll(Templates.REQUIRED), language);
      t.all().forEach((key, value) -> assertFalse(value.matches("(?s).*\\p{Nd}.*"), language + " " + key));
    }
  }

  @Test
  void no_template_names_a_service_from_the_directory() {
    JsonNode directory = Templates.json("/crisis/crisis_resources.json");
    List<String> names = new ArrayList<>();
    directory.forEach(r -> names.add(ResponsePatterns.fold(r.get("name").asText())));
    for (String language : ReplyContext.LANGUAGES) {
      Templates.of(language).all().forEach((key, value) -> {
        String text = ResponsePatterns.fold(value);
        names.forEach(name -> assertFalse(text.contains(name), language + " " + key + " names " + name));
      });
    }
  }

  @Test
  void every_response_issue_has_a_reason_and_the_pattern_files_load() {
    ResponsePatterns.load();
    dev.lifeguard.taxonomy.Taxonomy.responseIssues().forEach(issue -> assertTrue(
        Templates.json("/reply/reasons.json").has("issue." + issue.name()), issue.name()));
  }

  @Test
  void a_pattern_row_with_an_unknown_name_fails_at_load_naming_the_line() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ResponsePatterns.parse("test.txt", "# comment\nnot_an_issue  foo\n", Set.of("victim_blaming")));
    assertTrue(e.getMessage().startsWith("test.txt:2"), e.getMessage());
  }

  @Test
  void a_negation_just_before_a_hit_cancels_it_but_not_across_a_sentence() {
    ResponsePatterns p = ResponsePatterns.standard();
    assertEquals(Set.of(), p.issues("You're not overreacting, and you're not a burden.", true));
    assertEquals(Set.of("dismissive_of_distress"), p.issues("I'm not sure what to say. You're overreacting.", true));
  }
}
