package dev.lifeguard.assessment;

import dev.lifeguard.taxonomy.Domain;
import dev.lifeguard.taxonomy.DomainSubtype;
import dev.lifeguard.taxonomy.Imminence;
import dev.lifeguard.taxonomy.RiskType;
import dev.lifeguard.taxonomy.Severity;
import dev.lifeguard.taxonomy.Subject;
import java.util.List;
import java.util.Optional;

/**
 * One risk: WHO (subject) × WHAT (type), how serious and how soon, and why.
 *
 * @param confidence        how sure the assessment is that this risk is present (0–1)
 * @param subjectConfidence how sure it is about who is at risk (0–1)
 * @param features          evidence features with their spans, ladder drivers first
 * @param clinicalTypes     clinical risk types (C-SSRS, HCR-20, DASH…), e.g. {@code self_harm_active_ideation_plan}
 * @param domain            the older four-domain view this risk belongs to
 * @param subtype           the domain subtype, when the domain has them
 * @param framework         the clinical ladder that graded it, or "model" when only the heads saw it
 */
public record Risk(RiskType type, Subject subject, Severity severity, Imminence imminence, double confidence,
    double subjectConfidence, List<FeatureEvidence> features, List<String> clinicalTypes, Domain domain,
    Optional<DomainSubtype> subtype, String framework) {

  public static final String MODEL_ONLY = "model";

  public Risk {
    features = List.copyOf(features);
    clinicalTypes = List.copyOf(clinicalTypes);
  }

  public List<String> featureNames() {
    return features.stream().map(FeatureEvidence::name).toList();
  }

  public boolean hasFeature(String name) {
    return features.stream().anyMatch(f -> f.name().equals(name));
  }

  /** True when no pattern evidence backs this risk: the model's heads alone reported it. */
  public boolean modelOnly() {
    return MODEL_ONLY.equals(framework);
  }
}
