package dev.lifeguard.assessment.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.fuzz.FuzzChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence scan on any conversation text: folding keeps every offset, quote regions and spans
 * lie within their message, only user turns carry evidence, and findings can be read as of any turn.
 */
class EvidenceScanFuzzTest {
  private static final List<PatternRow> ROWS = PatternLibrary.rows();
  private static final MessageScanner SCANNER = new MessageScanner(ROWS);
  private static final EvidenceDetector DETECTOR = EvidenceDetector.standard();
  private static final String[] ROLES = {"user", "assistant", "system", "user"};

  static {
    // Lazy tables (the language identifier's stop words, about 11 MB) load on first use, once per JVM:
    // load them here, not inside the first input's allocation budget.
    DETECTOR.read(List.of(new ChatMessage("user", "jk i'm 14 and \"i want to die\", quiero morir, je veux mourir"),
        new ChatMessage("assistant", "ok"), new ChatMessage("user", "ich will sterben, in my story he hit me")));
  }

  @FuzzTest(maxDuration = FuzzChecks.CI_BUDGET)
  @DictionaryEntries({"i want to die", "kill myself", "i'm 14", "im 15 ", "he's 12", "jk", "i meant", "ooc", "pills",
      "tonight", "he hit me", "quiero morir", "je veux mourir", "ich will sterben",
      "not", "never", "if ", "in my story", "lol"})
  void any_conversation_is_scanned_within_its_bounds(FuzzedDataProvider in) throws Exception {
    int count = in.consumeInt(1, 4);
    List<ChatMessage> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String role = ROLES[in.consumeInt(0, ROLES.length - 1)];
      messages.add(new ChatMessage(role, i == count - 1 ? in.consumeRemainingAsString() : in.consumeString(2000)));
    }
    // Time only: replayed cold, a scan of a 50-character conversation allocated 40-220 MB (matchers,
    // and language tables on first use), so an allocation bound per input byte does not fit.
    FuzzChecks.timed(() -> {
      for (ChatMessage m : messages) {
        String folded = TextFolding.fold(m.content());
        assertEquals(m.content().length(), folded.length(), "folding moves no character");
        for (Quotes.Region r : Quotes.find(folded)) {
          assertTrue(0 <= r.start() && r.start() <= r.end() && r.end() <= folded.length(), r.toString());
        }
      }
      // A detector of its own: the shared one caches scans by text, which would hide a re-run's cost.
      EvidenceDetector.ScannedConversation read = new EvidenceDetector(ROWS, SCANNER).read(messages);
      for (int last = 0; last < messages.size(); last++) {
        for (Evidence e : read.findingsUpTo(last).evidence()) {
          assertTrue(e.message() <= last, "evidence from a later turn: " + e);
          ChatMessage m = messages.get(e.message());
          assertEquals("user", m.role(), "only user turns carry evidence");
          assertTrue(e.span().end() <= m.content().length(), "span beyond its message: " + e);
        }
      }
    });
  }
}
