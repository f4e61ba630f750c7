package org.reap.validate.rules;

import java.math.BigDecimal;
import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.When;
import org.reap.validate.Rule;

/** A target improves on the baseline in the indicator's direction, and comes after it. */
public final class IndicatorTargetDirection implements Rule {
  @Override
  public String id() {
    return "indicator.target";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "An indicator's target is better than its baseline (by its polarity) and dated after it.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("indicators")) {
      for (Node n : d.root().list("indicators")) {
        Node.Obj ind = (Node.Obj) n;
        Node.Obj base = ind.obj("baseline");
        Node.Obj target = ind.obj("target");
        if (base == null || target == null) {
          continue;
        }
        BigDecimal b = base.value("value");
        BigDecimal t = target.value("value");
        String polarity = ind.string("polarity");
        if (b != null && t != null && polarity != null) {
          int c = t.compareTo(b);
          boolean worse = polarity.equals("higher-is-better") ? c < 0 : c > 0;
          if (worse) {
            out.report(
                target.spanOf("value"),
                "the target "
                    + t.toPlainString()
                    + " is worse than the baseline "
                    + b.toPlainString()
                    + " for an indicator where "
                    + polarity.replace('-', ' '),
                "check the target, or the polarity at " + ind.spanOf("polarity").location());
          }
        }
        When bd = base.value("date");
        When td = target.value("date");
        if (bd != null
            && td != null
            && !bd.isTbd()
            && !td.isTbd()
            && bd.yearKnown()
            && td.yearKnown()
            && td.end().isBefore(bd.start())) {
          out.report(
              target.spanOf("date"),
              "the target date " + td.raw() + " is before the baseline date " + bd.raw(),
              "a target is set for a date after the baseline");
        }
      }
    }
  }
}
