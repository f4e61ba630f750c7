package org.reap.validate.rules;

import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** Something marked done says when it was done. */
public final class DoneWithoutCompletion implements Rule {
  @Override
  public String id() {
    return "status.done-without-date";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "A milestone or task with status done has a completed date.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.documents()) {
      Repository.walk(
          d,
          (obj, path) -> {
            if (obj.type().fields().containsKey("completed")
                && "done".equals(obj.string("status"))
                && !obj.has("completed")
                && !obj.invalid("completed")) {
              out.report(
                  obj.spanOf("status"),
                  "this " + obj.type().name() + " is done but does not say when",
                  "add \"completed: YYYY-MM-DD\" with the day it was done");
            }
          });
    }
  }
}
