package dev.lifeguard.taxonomy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered list of terms with unique names, as published in the seeds. */
public final class Vocabulary {
  private final String name;
  private final List<Term> terms;
  private final Map<String, Term> byName;

  public Vocabulary(String name, Collection<Term> terms) {
    this.name = name;
    this.terms = List.copyOf(terms);
    Map<String, Term> map = new LinkedHashMap<>();
    for (Term term : this.terms) {
      if (map.putIfAbsent(term.name(), term) != null) {
        throw new IllegalArgumentException("duplicate term " + term.name() + " in " + name);
      }
    }
    this.byName = Map.copyOf(map);
  }

  public String name() {
    return name;
  }

  public List<Term> terms() {
    return terms;
  }

  public List<String> names() {
    return terms.stream().map(Term::name).toList();
  }

  public int size() {
    return terms.size();
  }

  public boolean contains(String termName) {
    return byName.containsKey(termName);
  }

  public Optional<Term> get(String termName) {
    return Optional.ofNullable(byName.get(termName));
  }

  @Override
  public String toString() {
    return name + names();
  }
}
