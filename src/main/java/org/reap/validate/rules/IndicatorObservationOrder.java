package org.reap.validate.rules;

import java.util.List;
import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.When;
import org.reap.validate.Rule;

/** Observations are listed oldest first, without two on the same date. */
public final class IndicatorObservationOrder implements Rule {
  @Override
  public String id() {
    return "indicator.observation-order";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "An indicator's observations are listed oldest first, one per date.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("indicators")) {
      for (Node n : d.root().list("indicators")) {
        List<Node> obs = ((Node.Obj) n).list("observations");
        When prev = null;
        for (Node o : obs) {
          Node.Obj ob = (Node.Obj) o;
          When w = ob.value("date");
          if (w == null || w.isTbd()) {
            continue;
          }
          if (prev != null && w.compareTo(prev) < 0) {
            out.report(
                ob.spanOf("date"),
                "this observation ("
                    + w.raw()
                    + ") is listed after a later one ("
                    + prev.raw()
                    + ")",
                "list observations oldest first");
          } else if (prev != null && w.compareTo(prev) == 0) {
            out.report(
                ob.spanOf("date"),
                "two observations have the date " + w.raw(),
                "keep one observation per date");
          }
          prev = w;
        }
      }
    }
  }
}
