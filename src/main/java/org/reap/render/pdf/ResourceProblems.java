package org.reap.render.pdf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every resource a render refused or could not find, in first-seen order, without repeats. */
final class ResourceProblems {
  private final Set<String> problems = new LinkedHashSet<>();

  synchronized void refused(String kind, String uri, String why) {
    problems.add("refused " + kind + " \"" + uri + "\": " + why);
  }

  synchronized void missing(String kind, String uri, String why) {
    problems.add("missing " + kind + " \"" + uri + "\": " + why);
  }

  synchronized boolean isEmpty() {
    return problems.isEmpty();
  }

  synchronized List<String> list() {
    return new ArrayList<>(problems);
  }
}
