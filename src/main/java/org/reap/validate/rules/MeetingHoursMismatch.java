package org.reap.validate.rules;

import java.math.BigDecimal;
import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Meetings;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** Hours per month as the source states them agree with length × cadence. */
public final class MeetingHoursMismatch implements Rule {
  @Override
  public String id() {
    return "meeting.hours-mismatch";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "A meeting's stated hours per month agree with its length and cadence (within 10%).";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("plan")) {
      Repository.walk(
          d,
          (obj, path) -> {
            if (!obj.type().name().equals("meeting") || !obj.has("stated_hours_per_month")) {
              return;
            }
            Double derived = Meetings.hoursPerMonth(obj);
            if (derived == null) {
              return;
            }
            double stated = ((BigDecimal) obj.value("stated_hours_per_month")).doubleValue();
            if (Math.abs(derived - stated) > Math.max(0.05, 0.1 * stated)) {
              out.report(
                  obj.spanOf("stated_hours_per_month"),
                  String.format(
                      java.util.Locale.ROOT,
                      "%s hours per month are stated, but %s × %s per %s makes %s hours per month",
                      Meetings.format(stated),
                      obj.string("length"),
                      Meetings.format(((BigDecimal) obj.value("times")).doubleValue()),
                      obj.string("per"),
                      Meetings.format(derived)),
                  "check the length and cadence, or the stated figure");
            }
          });
    }
  }
}
