package org.reap.validate;

import org.reap.diagnostic.Severity;
import org.reap.model.Repository;

/**
 * One check over the whole repository, with a stable id. Rules report; they never change the model.
 */
public interface Rule {
  String id();

  Severity defaultSeverity();

  /** One sentence for `reap rules` and docs/rules.md. */
  String description();

  void check(Repository repo, Reporter out);

  /** Where a rule reports; the severity comes from configuration. */
  interface Reporter {
    void report(org.reap.source.Span span, String message, String hint);
  }
}
