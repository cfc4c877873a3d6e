package dev.lifeguard.screening;

import dev.lifeguard.assessment.Assessment;
import dev.lifeguard.assessment.Risk;
import dev.lifeguard.taxonomy.CopingCategory;
import dev.lifeguard.taxonomy.EvidenceGrade;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code coping_recommendations}: which kinds of help fit the risks found, each with how well the
 * research supports it. Grades follow the evidence the seeds cite: crisis-line and clinical support,
 * the Stanley–Brown safety plan and lethal-means counselling are the strongest suicide-prevention
 * interventions; social connection is moderately supported; self-soothing is expert consensus.
 */
public final class CopingRecommendations {
  public record Recommendation(CopingCategory category, EvidenceGrade grade) {}

  private CopingRecommendations() {}

  public static List<Recommendation> of(Assessment a) {
    Map<CopingCategory, EvidenceGrade> out = new LinkedHashMap<>();
    for (Risk r : a.risks()) {
      if (r.severity().compareTo(Severity.MILD) < 0) {
        continue;
      }
      boolean selfDirected = r.type() == RiskType.SUICIDE || r.type() == RiskType.SELF_HARM;
      if (r.severity().atLeast(Severity.MODERATE)) {
        out.putIfAbsent(CopingCategory.PROFESSIONAL_SUPPORT, EvidenceGrade.STRONG);
      }
      if (selfDirected && r.severity().atLeast(Severity.MODERATE)) {
        out.putIfAbsent(CopingCategory.SAFETY_PLANNING, EvidenceGrade.STRONG);
      }
      if (selfDirected && (r.severity().atLeast(Severity.HIGH) || r.hasFeature("means_access") || r.hasFeature("means_available") || r.hasFeature("method_seeking"))) {
        out.putIfAbsent(CopingCategory.MEANS_SAFETY, EvidenceGrade.STRONG);
      }
      if (victimisation(r.type()) && r.severity().atLeast(Severity.MODERATE)) {
        // Domestic-abuse safety plans are standard practice (SafeLives, DASH) rather than trial-proven.
        out.putIfAbsent(CopingCategory.SAFETY_PLANNING, EvidenceGrade.CONSENSUS);
      }
    }
    if (!a.risks().isEmpty()) {
      out.putIfAbsent(CopingCategory.SOCIAL_SUPPORT, EvidenceGrade.MODERATE);
      if (a.speakerSeverity().compareTo(Severity.HIGH) < 0 && !a.risksOf(Subject.SELF).isEmpty()) {
        out.putIfAbsent(CopingCategory.SELF_SOOTHING, EvidenceGrade.CONSENSUS);
      }
    }
    return out.entrySet().stream().map(e -> new Recommendation(e.getKey(), e.getValue())).toList();
  }

  private static boolean victimisation(RiskType type) {
    return type == RiskType.ABUSE || type == RiskType.SEXUAL_VIOLENCE || type == RiskType.STALKING
        || type == RiskType.EXPLOITATION;
  }
}
