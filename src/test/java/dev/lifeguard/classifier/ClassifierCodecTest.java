package dev.lifeguard.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.AssessmentContext;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.assessment.evidence.Evidence;
import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.quality.EvalCommand;
import dev.lifeguard.quality.EvalItem;
import dev.lifeguard.taxonomy.AgeBand;
import dev.lifeguard.training.corpus.Corpus;
import dev.lifeguard.training.corpus.CorpusLoader;
import dev.lifeguard.training.corpus.LabeledMessage;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway reads the Assessment an inference node computed after it crossed the wire; every view
 * is a projection of it, so the round trip must lose nothing. Checked over what the real classifier
 * makes of the project's corpus (single messages and whole conversations with assistant turns),
 * the evaluation sets and several caller contexts.
 */
class ClassifierCodecTest {
  /** Every n-th corpus message and evaluation item: variety (all types, subjects, languages) in seconds, not minutes. */
  private static final int STRIDE = 12;
  private static final List<AssessmentContext> CONTEXTS = List.of(
      AssessmentContext.unknown(),
      AssessmentContext.of("US", "en-US", AgeBand.ADULT, "a companion app"),
      AssessmentContext.of("GB", "en-GB", AgeBand.MINOR, null),
      AssessmentContext.of(null, "es-MX", AgeBand.UNKNOWN, "una app de bienestar"));
  private static final ClassifierCodec CODEC = new ClassifierCodec();
  private static Classifier classifier;
  private static final List<AssessJob> jobs = new ArrayList<>();
  private static final List<Assessment> assessments = new ArrayList<>();

  @BeforeAll
  static void assess_a_corpus() throws Exception {
    classifier = Classifier.load(ConfigLoader.defaults(Map.of()).inference());
    Corpus corpus = CorpusLoader.fromClasspath(CorpusLoader.Strictness.STRICT);
    List<List<ChatMessage>> chats = new ArrayList<>();
    for (int i = 0; i < corpus.conversations().size(); i += STRIDE / 4) {
      chats.add(corpus.conversations().get(i).chat());
    }
    for (int i = 0; i < corpus.messages().size(); i += STRIDE) {
      LabeledMessage m = corpus.messages().get(i);
      chats.add(List.of(new ChatMessage("user", m.text())));
    }
    // rare parts a stride can miss as the corpus grows: presentation modifiers come from the evidence rules
    chats.add(List.of(new ChatMessage("user", "been drinking since noon and i have the pills lined up, nobody would miss me")));
    chats.add(List.of(new ChatMessage("user", "the voices say i have to hurt my neighbour before they get me")));
    for (String set : List.of("simplesafetytests.jsonl", "hatecheck_threats.jsonl")) {
      List<EvalItem> items = EvalCommand.read(Path.of("src/test/resources/eval", set));
      for (int i = 0; i < items.size(); i += STRIDE / 3) {
        chats.add(List.of(new ChatMessage("user", items.get(i).text())));
      }
    }
    for (int i = 0; i < chats.size(); i++) {
      jobs.add(new AssessJob(chats.get(i), CONTEXTS.get(i % CONTEXTS.size())));
    }
    for (int from = 0; from < jobs.size(); from += 32) {
      assessments.addAll(classifier.assessAll(jobs.subList(from, Math.min(jobs.size(), from + 32))));
    }
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  private static Object roundTrip(Object body) {
    Buffer wire = Buffer.buffer().appendString("header");
    int pos = wire.length();
    CODEC.encodeToWire(wire, body);
    wire.appendString("trailer");
    return CODEC.decodeFromWire(pos, wire);
  }

  @Test
  void every_assessment_of_the_corpus_survives_the_wire_unchanged() {
    for (int i = 0; i < assessments.size(); i++) {
      Assessment sent = assessments.get(i);
      Object received = roundTrip(sent);
      // The JSON first, so a failure shows which field was lost; then record equality, which is deeper (types).
      assertEquals(json(sent), json(received), "assessment " + i);
      assertEquals(sent, received, "assessment " + i);
    }
  }

  @Test
  void every_job_survives_the_wire_unchanged() {
    for (AssessJob job : jobs) {
      assertEquals(job, roundTrip(job));
    }
  }

  @Test
  void the_corpus_exercises_every_part_of_an_assessment() {
    // Otherwise the round trip above could pass by never carrying the field that would be lost.
    assertSome("risks", a -> a.hasRisk());
    assertSome("no risk", a -> !a.hasRisk());
    assertSome("a domain subtype", a -> a.risks().stream().anyMatch(r -> r.subtype().isPresent()));
    assertSome("an absent subtype", a -> a.risks().stream().anyMatch(r -> r.subtype().isEmpty()));
    assertSome("feature spans", a -> a.risks().stream().anyMatch(r -> r.features().stream().anyMatch(f -> !f.spans().isEmpty())));
    assertSome("clinical types", a -> a.risks().stream().anyMatch(r -> !r.clinicalTypes().isEmpty()));
    assertSome("protective factors", a -> !a.protection().factors().isEmpty());
    assertSome("intimate partner violence", a -> a.legalFlags().intimatePartnerViolence().isPresent());
    assertSome("a third-party threat", a -> a.legalFlags().thirdPartyThreat().isPresent());
    assertSome("child safeguarding", a -> a.legalFlags().childSafeguarding().isPresent());
    assertSome("a presentation modifier", a -> a.presentationModifiers().substanceInvolved()
        || a.presentationModifiers().psychoticFeatures() || a.presentationModifiers().cognitiveImpairment());
    assertSome("AI concerns", a -> !a.signals().aiConcerns().isEmpty());
    assertSome("per-turn AI concerns", a -> a.turns().stream().anyMatch(t -> !t.aiConcerns().isEmpty()));
    assertSome("evidence with modalities", a -> a.evidence().stream().anyMatch(e -> !e.modalities().isEmpty()));
    assertSome("evidence without a type", a -> a.evidence().stream().map(Evidence::type).anyMatch(t -> t == null));
    assertSome("a language other than English", a -> !a.language().equals("en"));
    assertSome("styles", a -> !a.communication().styles().isEmpty());
  }

  private static void assertSome(String what, Predicate<Assessment> test) {
    assertTrue(assessments.stream().anyMatch(test), "no assessment in the corpus has " + what);
  }

  @Test
  void in_process_delivery_passes_the_same_object() {
    Assessment a = assessments.get(0);
    assertSame(a, CODEC.transform(a));
    assertSame(jobs.get(0), CODEC.transform(jobs.get(0)));
  }

  @Test
  void other_bodies_are_refused_without_quoting_them() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CODEC.encodeToWire(Buffer.buffer(), "i want to die"));
    assertTrue(!e.getMessage().contains("die"), e.getMessage());
  }

  private static String json(Object body) {
    return new String(ClassifierCodec.toJson(body), StandardCharsets.UTF_8);
  }
}
