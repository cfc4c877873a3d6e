package dev.lifeguard.assessment;

import dev.lifeguard.assessment.evidence.EvidenceDetector;
import java.util.List;

class ScratchPerf {
  @org.junit.jupiter.api.Test
  void perf() {
    Assessor a = new Assessor();
    a.assess(List.of(new ChatMessage("user", "warm up i want to die")), AssessmentContext.unknown(), List.of());
    String[] inputs = {
      "i just want to die and i honestly feel like such a burden, he hits me and my friend is suicidal. ".repeat(500),
      "Work has been a lot lately. I went to the shops, bought some bread, and then called my sister about the weekend plans. ".repeat(420),
      "so ".repeat(15000) + "x",
      "i really really really just so fucking honestly ".repeat(1000) + "want",
      "hahahaha".repeat(5000),
      "my ".repeat(15000),
      "'a' \"b\" ".repeat(6000),
    };
    for (String in0 : inputs) {
      String in = in0.substring(0, Math.min(in0.length(), 50_000));
      long t = System.nanoTime();
      int n = EvidenceDetector.standard().scan(in).size();
      long scan = (System.nanoTime() - t) / 1_000_000;
      t = System.nanoTime();
      a.assess(List.of(new ChatMessage("user", in)), AssessmentContext.unknown(), List.of());
      System.out.printf("len=%d evidence=%d scan ms=%d assess ms=%d%n", in.length(), n, scan, (System.nanoTime() - t) / 1_000_000);
    }
  }
}
