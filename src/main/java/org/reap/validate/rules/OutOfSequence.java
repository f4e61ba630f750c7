package org.reap.validate.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.When;
import org.reap.validate.Rule;

/**
 * A milestone dated far from its neighbours in the list, and out of order with them, is most likely
 * a typo (2004 for 2024). The entry is compared with the middle date of the three dated entries on
 * each side; a late entry at the end of a list in date order is not flagged.
 */
public final class OutOfSequence implements Rule {
  /** How far from its neighbours an entry may be, in days. */
  static final long LIMIT_DAYS = 183;

  @Override
  public String id() {
    return "date.out-of-sequence";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "A milestone is not dated more than six months away from the milestones listed around it (a typo in the year, usually).";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("milestones")) {
      List<Node.Val> dated = new ArrayList<>();
      for (Node n : d.root().list("entries")) {
        if (n instanceof Node.Obj o
            && o.fields().get("date") instanceof Node.Val v
            && v.value() instanceof When w
            && !w.isTbd()
            && w.yearKnown()) {
          dated.add(v);
        }
      }
      for (int i = 0; i < dated.size(); i++) {
        List<LocalDate> around = new ArrayList<>();
        for (int k = Math.max(0, i - 3); k <= Math.min(dated.size() - 1, i + 3); k++) {
          if (k != i) {
            around.add(((When) dated.get(k).value()).start());
          }
        }
        if (around.size() < 2) {
          continue;
        }
        around.sort(null);
        LocalDate middle = around.get(around.size() / 2);
        When w = (When) dated.get(i).value();
        boolean beforePrevious =
            i > 0 && w.start().isBefore(((When) dated.get(i - 1).value()).start());
        boolean afterNext =
            i + 1 < dated.size() && w.start().isAfter(((When) dated.get(i + 1).value()).start());
        if (Dates.days(w.start(), middle) > LIMIT_DAYS && (beforePrevious || afterNext)) {
          out.report(
              dated.get(i).span(),
              "\"" + w.raw() + "\" is far from the dates listed around it (near " + middle + ")",
              "check the year and month; if the date is right, move the entry to its place in the list");
        }
      }
    }
  }
}
