package dev.lifeguard.cluster;

/**
 * What one process does ({@code --role}). {@link #ALL} is a whole, unclustered gateway; the other
 * two split it across a Vert.x cluster so screening capacity scales apart from HTTP.
 */
public enum Role {
  /** Database, HTTP, webhooks and the classifier in one process; never joins a cluster. */
  ALL,
  /** Database, HTTP and webhooks; conversations are assessed by inference nodes over the cluster. */
  GATEWAY,
  /** The model and its workers, reachable over the cluster; HTTP serves only health and metrics. */
  INFERENCE;

  public boolean clustered() {
    return this != ALL;
  }

  public boolean servesApi() {
    return this != INFERENCE;
  }

  public boolean runsClassifier() {
    return this != GATEWAY;
  }
}
