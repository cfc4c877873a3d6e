package dev.lifeguard.resources;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The crisis resources chosen for one conversation, each a rendered directory entry carrying
 * {@code why}. Only directory entries: nothing here is ever generated.
 *
 * @param country   the country the resources are for, when one could be determined
 * @param primary   the best match
 * @param secondary further matches, best first (the emergency entry first when it is included but not primary)
 * @param emergency the country's emergency-number entry, when the situation calls for it
 */
public record MatchedResources(Optional<String> country, Optional<JsonObject> primary, List<JsonObject> secondary,
    Optional<JsonObject> emergency) {

  public MatchedResources {
    secondary = List.copyOf(secondary);
  }

  public static MatchedResources none(Optional<String> country) {
    return new MatchedResources(country, Optional.empty(), List.of(), Optional.empty());
  }

  public boolean isEmpty() {
    return primary.isEmpty();
  }

  /** Primary first, then secondary: the seed API's flat {@code crisis_resources} list. */
  public List<JsonObject> all() {
    List<JsonObject> all = new ArrayList<>();
    primary.ifPresent(all::add);
    all.addAll(secondary);
    return all;
  }

  /** Helplines only (no emergency-number entry), best first: what a reply should name. */
  public List<JsonObject> helplines() {
    return all().stream().filter(r -> !ResourceMatcher.isEmergency(r)).toList();
  }
}
