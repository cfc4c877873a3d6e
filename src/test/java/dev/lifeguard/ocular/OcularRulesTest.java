package dev.lifeguard.ocular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.ocular.AxisScores.Framing;
import dev.lifeguard.taxonomy.AiConcern;
import dev.lifeguard.taxonomy.OcularAxis;
import dev.lifeguard.taxonomy.Subject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pure rules: ladders, fiction-aware verdict, windows, trajectory thinning, request options. */
class OcularRulesTest {
  private static AxisScores suicide(double score, Framing framing) {
    Map<OcularAxis, Double> user = new EnumMap<>(OcularAxis.class);
    user.put(OcularAxis.SUICIDE, score);
    return new AxisScores(user, Map.of(), Map.of(), 0, framing, Subject.SELF);
  }

  @Test
  void scores_climb_the_ladder_and_a_clinical_grade_is_a_floor() {
    assertEquals(Level.MINIMAL, LevelThresholds.USER.level(0.1));
    assertEquals(Level.MODERATE, LevelThresholds.USER.level(LevelThresholds.USER.moderate()));
    assertEquals(Level.CRITICAL, LevelThresholds.USER.level(1));
    AxisScores graded = new AxisScores(Map.of(OcularAxis.SUICIDE, 0.1), Map.of(OcularAxis.SUICIDE, Level.HIGH), Map.of(), 0,
        Framing.PLAIN, Subject.SELF);
    assertEquals(Level.HIGH, VerdictPolicy.DEFAULT.userLevels(graded).get(OcularAxis.SUICIDE));
    assertThrows(IllegalArgumentException.class, () -> new LevelThresholds(0.5, 0.4, 0.6, 0.9));
  }

  @Test
  void strong_fiction_raises_the_verdict_thresholds_unless_it_reads_as_genuine() {
    VerdictPolicy p = VerdictPolicy.DEFAULT;
    assertEquals(Verdict.DANGER, p.verdict(suicide(0.85, Framing.PLAIN)));
    assertEquals(Verdict.WATCH, p.verdict(suicide(0.85, new Framing(0.9, 0.1, false))), "a story: one rung less");
    assertEquals(Verdict.DANGER, p.verdict(suicide(0.85, new Framing(0.9, 0.1, true))), "a disclosure inside the story counts");
    assertEquals(Verdict.DANGER, p.verdict(suicide(0.85, new Framing(0.9, 0.8, false))), "reads as genuine");
    assertEquals(Verdict.CLEAR, p.verdict(suicide(0.2, Framing.PLAIN)));
  }

  @Test
  void ai_concerns_are_not_excused_by_fiction() {
    AxisScores s = new AxisScores(Map.of(), Map.of(), Map.of(AiConcern.HARM_PROVISION, 0.75), 0, new Framing(1, 0, false),
        Subject.UNKNOWN);
    assertEquals(Verdict.DANGER, VerdictPolicy.DEFAULT.verdict(s));
  }

  @Test
  void windows_overlap_by_the_context_and_each_turn_has_one_owner() {
    List<ChatMessage> chat = new ArrayList<>();
    IntStream.range(0, 120).forEach(i -> chat.add(new ChatMessage(i % 2 == 0 ? "user" : "assistant", "m" + i)));
    List<Windows.Window> windows = Windows.split(chat);
    assertEquals(3, windows.size());
    assertEquals(50, windows.get(2).messages().size(), "the latest window is full");
    for (int w = 1; w < windows.size(); w++) {
      Windows.Window prev = windows.get(w - 1);
      assertEquals(prev.start() + prev.messages().size() - Windows.OVERLAP, windows.get(w).start());
      assertEquals(prev.start() + prev.messages().size(), windows.get(w).owned());
    }
    assertEquals(1, Windows.split(chat.subList(0, 50)).size());
  }

  @Test
  void the_trajectory_keeps_every_nth_point_and_the_last_then_the_latest_two_hundred() {
    List<Trajectory.Point> all = IntStream.range(0, 10).mapToObj(i -> new Trajectory.Point("user", i, Verdict.CLEAR)).toList();
    assertEquals(List.of(0, 3, 6, 9), Trajectory.of(all, 3).points().stream().map(Trajectory.Point::turn).toList());
    List<Trajectory.Point> many = IntStream.range(0, 450).mapToObj(i -> new Trajectory.Point("user", i, Verdict.CLEAR)).toList();
    Trajectory capped = Trajectory.of(many, 1);
    assertEquals(Trajectory.MAX_POINTS, capped.points().size());
    assertEquals(449, capped.points().get(199).turn());
    assertTrue(capped.truncated());
  }

  @Test
  void options_validate_and_name_the_field() throws Exception {
    ObjectMapper json = new ObjectMapper();
    OcularOptions o = OcularOptions.parse(json.readTree("{\"per_turn\":true,\"thoroughness\":3,\"trajectory_stride\":5,\"user_id\":\"u\"}"));
    assertEquals(3, o.startingEffort());
    assertEquals(3, o.thoroughnessWire());
    assertTrue(o.perTurn());
    assertEquals("auto", OcularOptions.parse(json.readTree("{}")).thoroughnessWire());
    assertTrue(OcularOptions.parse(json.readTree("{\"thoroughness\":\"auto\"}")).adaptive());
    for (String[] bad : new String[][] {{"{\"effort\":0}", "effort"}, {"{\"effort\":2.5}", "effort"},
        {"{\"thoroughness\":\"high\"}", "thoroughness"}, {"{\"effort\":2,\"thoroughness\":1}", "thoroughness"},
        {"{\"trajectory_stride\":201}", "trajectory_stride"}, {"{\"agent_id\":\"\"}", "agent_id"}}) {
      InvalidOcularRequest e = assertThrows(InvalidOcularRequest.class, () -> OcularOptions.parse(json.readTree(bad[0])), bad[0]);
      assertEquals(bad[1], e.field());
    }
  }

  @Test
  void perturbations_are_repeatable_and_sized_by_effort() {
    List<ChatMessage> chat = List.of(new ChatMessage("user", "hello there, how are you?"),
        new ChatMessage("assistant", "Fine, thanks!"), new ChatMessage("user", "I feel low. Really low."));
    assertEquals(4, Perturbations.of(chat, 2, 2, 1).size());
    assertEquals(10, Perturbations.of(chat, 3, 2, 1).size());
    assertEquals(Perturbations.of(chat, 3, 2, 1), Perturbations.of(chat, 3, 2, 1));
    assertTrue(Perturbations.of(chat, 2, 2, 1).stream().noneMatch(v -> v.messages().equals(chat)), "each variant differs");
  }
}
