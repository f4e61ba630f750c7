package org.reap.validate.rules;

import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** A meeting's cadence is complete: "times" and "per" go together, and a cadence needs a length. */
public final class MeetingCadence implements Rule {
  @Override
  public String id() {
    return "meeting.cadence";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "A standing meeting gives times and per together, and a length, so its hours per month can be worked out.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("plan")) {
      Repository.walk(
          d,
          (obj, path) -> {
            if (!obj.type().name().equals("meeting")) {
              return;
            }
            if (obj.invalid("times") || obj.invalid("per") || obj.invalid("length")) {
              return; // already reported as a bad value
            }
            boolean times = obj.has("times");
            boolean per = obj.has("per");
            if (times != per) {
              out.report(
                  times ? obj.spanOf("times") : obj.spanOf("per"),
                  "\"times\" and \"per\" go together: this meeting has only \""
                      + (times ? "times" : "per")
                      + "\"",
                  times
                      ? "add \"per: month\" (or week, quarter, year)"
                      : "add \"times: 2\" (how many meetings per " + obj.string("per") + ")");
            } else if (times && !obj.has("length")) {
              out.report(
                  obj.spanOf("times"),
                  "this meeting has a cadence but no length",
                  "add \"length: 2 hours\" (or 90 minutes, 3 days)");
            }
            if (obj.has("stated_hours_per_month") && !times) {
              out.report(
                  obj.spanOf("stated_hours_per_month"),
                  "the hours per month cannot be checked: this meeting has no cadence",
                  "add \"times\" and \"per\"");
            }
          });
    }
  }
}
