package org.reap.validate.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.When;

/** Helpers for the date rules. */
final class Dates {
  private Dates() {}

  /** Every When value in the repository with the object and field it belongs to. */
  static void forEachWhen(Repository repo, TriConsumer action) {
    for (Document d : repo.documents()) {
      Repository.walk(
          d,
          (obj, path) ->
              obj.fields()
                  .forEach(
                      (k, v) -> {
                        if (v instanceof Node.Val val && val.value() instanceof When w) {
                          action.accept(d, obj, k, val, w);
                        }
                      }));
    }
  }

  interface TriConsumer {
    void accept(Document d, Node.Obj obj, String field, Node.Val val, When when);
  }

  /** The plan a document belongs to: itself for a plan, else the plan its "plan" field names. */
  static Document planOf(Repository repo, Document d) {
    if (d.kindName().equals("plan")) {
      return d;
    }
    String id = d.root().string("plan");
    Document p = id == null ? null : repo.document(id);
    return p != null && p.kindName().equals("plan") ? p : null;
  }

  static When period(Document plan) {
    Node.Obj p = plan == null ? null : plan.root().obj("period");
    return p == null ? null : p.value("when");
  }

  static long days(LocalDate a, LocalDate b) {
    return Math.abs(ChronoUnit.DAYS.between(a, b));
  }

  static String show(When w) {
    return w.raw();
  }
}
