package org.reap.validate.rules;

import org.reap.diagnostic.Severity;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** A date range ends on or after the day it starts. */
public final class RangeReversed implements Rule {
  @Override
  public String id() {
    return "date.range-reversed";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "A date range (start/end) does not end before it starts.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    Dates.forEachWhen(
        repo,
        (d, obj, field, val, w) -> {
          if (w.isRange() && w.end().isBefore(w.start())) {
            String[] parts = w.raw().split("/");
            out.report(
                val.span(),
                "the range \"" + w.raw() + "\" ends before it starts",
                "write the earlier date first: " + parts[1].trim() + "/" + parts[0].trim());
          }
        });
  }
}
