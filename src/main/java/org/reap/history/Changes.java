package org.reap.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.Status;
import org.reap.model.When;

/**
 * What changed in a plan's milestones and indicators between an earlier revision and now.
 * Milestones are matched by id, or by their title within the same file when they have none.
 */
public final class Changes {
  private Changes() {}

  public record Item(Node.Obj now, Node.Obj before) {}

  /** An observation of an indicator that the earlier revision did not have. */
  public record NewValue(String indicator, Node.Obj observation) {}

  public record Result(
      LocalDate since,
      String revision,
      List<Item> completed,
      List<Item> newlyLate,
      List<Item> redated,
      List<Item> added,
      List<Item> dropped,
      List<NewValue> newValues) {
    public boolean isEmpty() {
      return completed.isEmpty()
          && newlyLate.isEmpty()
          && redated.isEmpty()
          && added.isEmpty()
          && dropped.isEmpty()
          && newValues.isEmpty();
    }
  }

  static Map<String, Node.Obj> milestones(Repository repo, String planId) {
    Map<String, Node.Obj> m = new LinkedHashMap<>();
    for (Document d : repo.timelinesOf(planId)) {
      for (Node n : d.root().list("entries")) {
        Node.Obj e = (Node.Obj) n;
        String key =
            e.string("id") != null
                ? "id:" + e.string("id")
                : d.id() + ":" + e.string("title").strip().toLowerCase(Locale.ROOT);
        m.putIfAbsent(key, e);
      }
    }
    return m;
  }

  public static Result between(
      Repository before,
      LocalDate beforeDate,
      String revision,
      Repository now,
      LocalDate asOf,
      String planId) {
    Map<String, Node.Obj> old = milestones(before, planId);
    Map<String, Node.Obj> cur = milestones(now, planId);
    List<Item> completed = new ArrayList<>();
    List<Item> late = new ArrayList<>();
    List<Item> redated = new ArrayList<>();
    List<Item> added = new ArrayList<>();
    List<Item> dropped = new ArrayList<>();
    cur.forEach(
        (k, e) -> {
          Node.Obj o = old.get(k);
          if (o == null) {
            added.add(new Item(e, null));
          } else {
            if (Status.reported(e) == Status.DONE && Status.reported(o) != Status.DONE) {
              completed.add(new Item(e, o));
            }
            if (Status.reported(e) == Status.DROPPED && Status.reported(o) != Status.DROPPED) {
              dropped.add(new Item(e, o));
            }
            When a = o.value("date");
            When b = e.value("date");
            if (a != null && b != null && !a.raw().equals(b.raw())) {
              redated.add(new Item(e, o));
            }
          }
          if (Status.overdue(e, asOf) && (o == null || !Status.overdue(o, beforeDate))) {
            late.add(new Item(e, o));
          }
        });
    old.forEach(
        (k, o) -> {
          if (!cur.containsKey(k)) {
            dropped.add(new Item(null, o));
          }
        });
    List<NewValue> values = new ArrayList<>();
    Map<String, Node.Obj> oldInd = indicators(before, planId);
    indicators(now, planId)
        .forEach(
            (id, ind) -> {
              List<String> seen = new ArrayList<>();
              Node.Obj o = oldInd.get(id);
              if (o != null) {
                for (Node n : o.list("observations")) {
                  seen.add(String.valueOf((Object) ((Node.Obj) n).value("date")));
                }
              }
              for (Node n : ind.list("observations")) {
                Node.Obj ob = (Node.Obj) n;
                if (!seen.contains(String.valueOf((Object) ob.value("date")))) {
                  values.add(new NewValue(ind.string("name"), ob));
                }
              }
            });
    return new Result(beforeDate, revision, completed, late, redated, added, dropped, values);
  }

  static Map<String, Node.Obj> indicators(Repository repo, String planId) {
    Map<String, Node.Obj> m = new LinkedHashMap<>();
    for (Document d : repo.ofKind("indicators")) {
      if (planId.equals(d.root().string("plan"))) {
        for (Node n : d.root().list("indicators")) {
          m.put(((Node.Obj) n).string("id"), (Node.Obj) n);
        }
      }
    }
    return m;
  }
}
