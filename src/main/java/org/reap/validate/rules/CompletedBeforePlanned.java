package org.reap.validate.rules;

import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.When;
import org.reap.validate.Rule;

/** A completion date is not before the date the entry was planned for. */
public final class CompletedBeforePlanned implements Rule {
  @Override
  public String id() {
    return "date.completed-before-planned";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "A milestone or task is not marked completed before the date it was planned for (usually a typo in the year).";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.documents()) {
      Repository.walk(
          d,
          (obj, path) -> {
            Object p = obj.value(obj.type().name().equals("task") ? "due" : "date");
            Node c = obj.fields().get("completed");
            if (!(p instanceof When planned)
                || planned.isTbd()
                || !planned.yearKnown()
                || !(c instanceof Node.Val cv)
                || !(cv.value() instanceof When done)
                || done.isTbd()
                || !done.yearKnown()) {
              return;
            }
            if (done.end().isBefore(planned.start())) {
              out.report(
                  cv.span(),
                  "completed \""
                      + done.raw()
                      + "\" is before the date it was planned for (\""
                      + planned.raw()
                      + "\")",
                  "check the year; if it really was done early, keep both dates as they are");
            }
          });
    }
  }
}
