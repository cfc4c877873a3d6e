package dev.lifeguard.assessment.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternTableTest {

  @Test
  void a_row_names_its_features_class_subject_flags_and_pattern() {
    List<PatternRow> rows = PatternTable.parse("en", "t.txt", """
        # comment
        @WANT = want|wanna
        passive_ideation+hopelessness  suicide  self  ~hyperbole ~now  i {WANT} to die
        """);
    PatternRow row = rows.get(0);
    assertEquals(List.of("passive_ideation", "hopelessness"), row.names());
    assertEquals(EvidenceKind.RISK, row.kind());
    assertEquals(RiskType.SUICIDE, row.type());
    assertEquals(Subject.SELF, row.subject());
    assertTrue(row.flagged(PatternRow.FLAG_HYPERBOLE) && row.flagged(PatternRow.FLAG_NOW));
    assertTrue(row.pattern().matcher("i wanna to die").find());
  }

  @Test
  void spaces_are_elastic_apostrophes_optional_and_matches_whole_words() {
    PatternRow row = PatternTable.parse("en", "t.txt", "x  context  -  don't want").get(0);
    assertTrue(row.pattern().matcher("i dont  want it").find());
    assertTrue(row.pattern().matcher("i don't want it").find());
    assertFalse(row.pattern().matcher("i don't wanted it").find());
    assertFalse(row.pattern().matcher("xdon't want").find());
  }

  @Test
  void spaces_in_lookbehinds_stay_literal_so_they_stay_bounded() {
    PatternRow row = PatternTable.parse("en", "t.txt", "x  context  -  (?<!i )just die").get(0);
    assertTrue(row.pattern().pattern().contains("(?<!i )"), row.pattern().pattern());
    assertFalse(row.pattern().matcher("i just die").find());
    assertTrue(row.pattern().matcher("go just die").find());
  }

  @Test
  void mistakes_in_a_table_name_the_file_and_line() {
    IllegalStateException unknownMacro = assertThrows(IllegalStateException.class,
        () -> PatternTable.parse("en", "t.txt", "\nx  context  -  {NOPE}"));
    assertTrue(unknownMacro.getMessage().startsWith("t.txt:2"), unknownMacro.getMessage());
    assertThrows(IllegalStateException.class, () -> PatternTable.parse("en", "t.txt", "x  murder  self  kill"));
    assertThrows(IllegalStateException.class, () -> PatternTable.parse("en", "t.txt", "x  suicide  me  kill"));
    assertThrows(IllegalStateException.class, () -> PatternTable.parse("en", "t.txt", "x  suicide  self  (unclosed"));
  }

  @Test
  void every_language_table_loads() {
    for (String language : LanguageIdentifier.LANGUAGES) {
      assertFalse(PatternLibrary.load(language).isEmpty(), language);
    }
  }

  @Test
  void folding_keeps_every_offset_in_place() {
    String original = "Él me PEGÓ — “ya no puedo” 💀 Straße";
    String folded = TextFolding.fold(original);
    assertEquals(original.length(), folded.length());
    assertEquals("el me pego - \"ya no puedo\" 💀 straße", folded);
  }
}
