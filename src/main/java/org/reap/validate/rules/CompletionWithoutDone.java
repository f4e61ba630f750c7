package org.reap.validate.rules;

import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** Something with a completion date is marked done. */
public final class CompletionWithoutDone implements Rule {
  @Override
  public String id() {
    return "status.date-without-done";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "A milestone or task with a completed date has status done.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.documents()) {
      Repository.walk(
          d,
          (obj, path) -> {
            if (obj.has("completed")
                && obj.type().fields().containsKey("status")
                && !obj.invalid("status")
                && !"done".equals(obj.string("status"))) {
              String status = obj.string("status");
              out.report(
                  obj.spanOf("completed"),
                  "this "
                      + obj.type().name()
                      + " has a completed date but its status is "
                      + (status == null ? "not set" : "\"" + status + "\""),
                  status == null
                      ? "add \"status: done\""
                      : "set \"status: done\", or remove the completed date");
            }
          });
    }
  }
}
