package org.reap.diagnostic;

import org.reap.source.Span;

/**
 * One finding: where, which rule, what is wrong, and what to do about it. Messages are written for
 * people who do not know YAML internals.
 */
public record Diagnostic(Severity severity, String ruleId, Span span, String message, String hint) {

  public static Diagnostic error(String ruleId, Span span, String message, String hint) {
    return new Diagnostic(Severity.ERROR, ruleId, span, message, hint);
  }

  public static Diagnostic warning(String ruleId, Span span, String message, String hint) {
    return new Diagnostic(Severity.WARNING, ruleId, span, message, hint);
  }

  public Diagnostic withSeverity(Severity s) {
    return new Diagnostic(s, ruleId, span, message, hint);
  }
}
