package org.reap.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reap.source.Span;

/** Collects findings from every stage; nothing is thrown for a user's mistake. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public void add(Diagnostic d) {
    items.add(d);
  }

  public void error(String ruleId, Span span, String message, String hint) {
    add(Diagnostic.error(ruleId, span, message, hint));
  }

  public void warning(String ruleId, Span span, String message, String hint) {
    add(Diagnostic.warning(ruleId, span, message, hint));
  }

  public void addAll(Diagnostics other) {
    items.addAll(other.items);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  public long count(Severity s) {
    return items.stream().filter(d -> d.severity() == s).count();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** Sorted by file, line, column, then rule: stable output whatever order rules ran in. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(
        Comparator.comparing((Diagnostic d) -> d.span().file().displayPath())
            .thenComparingInt(d -> d.span().line())
            .thenComparingInt(d -> d.span().column())
            .thenComparing(Diagnostic::ruleId)
            .thenComparing(Diagnostic::message));
    return copy;
  }

  public List<Diagnostic> all() {
    return List.copyOf(items);
  }
}
