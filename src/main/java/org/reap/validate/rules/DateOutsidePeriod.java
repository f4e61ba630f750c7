package org.reap.validate.rules;

import java.util.Set;
import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.model.When;
import org.reap.validate.Rule;

/** A milestone, task or phase date falls inside the period of the plan it belongs to. */
public final class DateOutsidePeriod implements Rule {
  private static final Set<String> CHECKED = Set.of("milestone", "task", "phase");

  @Override
  public String id() {
    return "date.outside-period";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "A milestone, task or phase is dated inside its plan's period.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    Dates.forEachWhen(
        repo,
        (d, obj, field, val, w) -> {
          if (!CHECKED.contains(obj.type().name())
              || !(field.equals("date") || field.equals("due") || field.equals("when"))) {
            return;
          }
          Document plan = Dates.planOf(repo, d);
          When period = Dates.period(plan);
          if (period == null
              || period.isTbd()
              || !period.yearKnown()
              || w.isTbd()
              || !w.yearKnown()) {
            return;
          }
          if (w.end().isBefore(period.start()) || w.start().isAfter(period.end())) {
            out.report(
                val.span(),
                "\""
                    + w.raw()
                    + "\" is outside the period of the plan \""
                    + plan.id()
                    + "\" ("
                    + period.raw()
                    + ")",
                "check the year; or widen the plan's period at "
                    + plan.root().obj("period").span().location());
          }
        });
  }
}
