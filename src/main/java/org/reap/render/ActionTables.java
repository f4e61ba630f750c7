package org.reap.render;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reap.model.Document;
import org.reap.model.Markdown;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.Status;
import org.reap.model.When;
import org.reap.render.view.ActionTable;
import org.reap.render.view.DateView;
import org.reap.render.view.StatusView;
import org.reap.schema.Settings;

/**
 * A plan's actions (the tasks of its objectives) as the city's own table: one row per action, every
 * built-in and custom field worked out as a cell, grouped under goal and objective. The columns
 * printed come from the settings file's action_table, or from the template (the table macro takes
 * the keys); every cell of every field is in the model, so no Java is needed to change them.
 */
final class ActionTables {
  private final Repository repo;
  private final ModelBuilder mb;
  private final Labels labels;
  private final LocalDate asOf;
  private final String lang;

  ActionTables(Repository repo, ModelBuilder mb, Labels labels, LocalDate asOf, String lang) {
    this.repo = repo;
    this.mb = mb;
    this.labels = labels;
    this.asOf = asOf;
    this.lang = lang;
  }

  /** Columns above this many print the plan in landscape. */
  static final int LANDSCAPE_OVER = 6;

  /** The table model, or null when the plan has no objective with actions. */
  ActionTable table(Document plan) {
    Settings settings = repo.settings();
    Map<String, String> names = new LinkedHashMap<>();
    for (String k : Settings.BUILT_IN_COLUMNS) {
      names.put(k, labels.get("action." + k));
    }
    for (Settings.CustomField cf : settings.fieldsFor("task")) {
      names.put(cf.name(), cf.label(lang));
    }
    List<ActionTable.Column> columns = new ArrayList<>();
    for (Settings.Column c : settings.actionColumns()) {
      String l = c.label(lang);
      columns.add(new ActionTable.Column(c.field(), l != null ? l : names.get(c.field())));
    }
    // the city's headings stand for its fields wherever the table is printed
    for (ActionTable.Column c : columns) {
      names.put(c.key(), c.label());
    }
    Map<String, ActionTable.Goal> goalsById = new LinkedHashMap<>();
    for (Node n : plan.root().list("goals")) {
      Node.Obj g = (Node.Obj) n;
      goalsById.put(
          g.string("id"),
          new ActionTable.Goal(g.string("number"), g.string("title"), g.string("id")));
    }
    Map<String, List<ActionTable.Objective>> groups = new LinkedHashMap<>();
    int actions = 0;
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Node n : plan.root().list("objectives")) {
      Node.Obj o = (Node.Obj) n;
      if (o.list("tasks").isEmpty()) {
        continue;
      }
      List<Node> goals = o.list("goals");
      String gid = goals.isEmpty() ? "" : ((Node.Val) goals.get(0)).value().toString();
      List<ActionTable.Goal> also = new ArrayList<>();
      for (int i = 1; i < goals.size(); i++) {
        ActionTable.Goal gm = goalsById.get(((Node.Val) goals.get(i)).value().toString());
        if (gm != null) {
          also.add(gm);
        }
      }
      List<ActionTable.Row> rows = new ArrayList<>();
      for (Node t : o.list("tasks")) {
        ActionTable.Row row = row((Node.Obj) t);
        rows.add(row);
        actions++;
        counts.merge(
            row.statusReported() ? row.shownStatus().status().key() : NOT_REPORTED,
            1,
            Integer::sum);
      }
      groups
          .computeIfAbsent(gid, k -> new ArrayList<>())
          .add(
              new ActionTable.Objective(
                  o.string("number"), mb.value(o.value("title")), o.string("id"), also, rows));
    }
    if (actions == 0) {
      return null;
    }
    // goals in the plan's order, then objectives that name no goal
    List<ActionTable.GoalGroup> ordered = new ArrayList<>();
    for (String gid : goalsById.keySet()) {
      if (groups.containsKey(gid)) {
        ordered.add(new ActionTable.GoalGroup(goalsById.get(gid), groups.remove(gid)));
      }
    }
    groups.forEach((gid, os) -> ordered.add(new ActionTable.GoalGroup(goalsById.get(gid), os)));
    List<StatusView.Count> cs = new ArrayList<>();
    // reap's statuses in order, each under the city's word(s) for it where it has them
    Map<String, List<String>> words = new LinkedHashMap<>();
    settings
        .statuses()
        .forEach((word, status) -> words.computeIfAbsent(status, k -> new ArrayList<>()).add(word));
    List<String> order = new ArrayList<>(org.reap.schema.Kinds.STATUSES);
    order.add(Status.OVERDUE.key());
    order.add(NOT_REPORTED);
    for (String k : order) {
      Integer v = counts.get(k);
      if (v != null) {
        StatusView c = mb.status(Status.ofKey(k));
        cs.add(
            new StatusView.Count(
                words.containsKey(k)
                    ? c.withLabel(String.join(" / ", words.get(k).stream().sorted().toList()))
                    : c,
                v));
      }
    }
    return new ActionTable(columns, names, ordered, columns.size() > LANDSCAPE_OVER, actions, cs);
  }

  private static final String NOT_REPORTED = Status.NOT_REPORTED.key();

  /** One action: the fields as written (as every template sees them) plus a cell per field. */
  ActionTable.Row row(Node.Obj t) {
    Status st = Status.reported(t);
    boolean late = Status.overdue(t, asOf) && !ongoing(t);
    StatusView.Texted status = statusModel(st, t.string("status_as_written"));
    StatusView.Texted shown =
        statusModel(late ? Status.OVERDUE : st, late ? null : t.string("status_as_written"));
    Map<String, List<Object>> cells = new LinkedHashMap<>();
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(t.fields().keySet());
    keys.add(STATUS);
    keys.add(NUMBER);
    for (String k : keys) {
      List<Object> lines =
          k.equals(STATUS)
              ? List.of(shown.text())
              : k.equals(NUMBER) && t.string(NUMBER) == null && t.string("label") != null
                  ? List.of(t.string("label"))
                  : t.fields().containsKey(k) ? cell(k, t.fields().get(k), t) : null;
      if (lines != null) {
        cells.put(k, lines);
      }
    }
    // an action without a number is listed by its label; no status written: the cell stays empty,
    // as in the source, unless the action is overdue
    return new ActionTable.Row(mb.object(t), status, shown, late, t.has(STATUS) || late, cells);
  }

  private static final String STATUS = "status";
  private static final String NUMBER = "number";

  /**
   * Ongoing work: an action in progress whose timeline (when) has passed, with no due date. Its
   * timeline says when the work runs, not a deadline, so it is not counted overdue.
   */
  private static boolean ongoing(Node.Obj t) {
    return !t.has("due") && Status.reported(t) == Status.IN_PROGRESS;
  }

  /** A status under the city's word for it, where it has one, which its cell prints too. */
  private StatusView.Texted statusModel(Status status, String word) {
    StatusView m = mb.status(status).withLabel(word);
    return new StatusView.Texted(m, m.label());
  }

  /** The lines a field prints as in a table cell: strings or XHTML markup. */
  private List<Object> cell(String key, Node n, Node.Obj action) {
    List<Object> lines = new ArrayList<>();
    switch (key) {
      case "leads" -> {
        for (Node l : ((Node.Lst) n).items()) {
          Node.Obj lo = (Node.Obj) l;
          lines.add(lo.string("name") != null ? lo.string("name") : titleOf(lo.string("team")));
        }
      }
      case "team" -> lines.add(titleOf(action.string("team")));
      case "indicators" -> {
        for (Node i : ((Node.Lst) n).items()) {
          lines.add(titleOf(((Node.Val) i).value().toString()));
        }
      }
      case "deliverables" -> {
        for (Node d : ((Node.Lst) n).items()) {
          Node.Obj dob = (Node.Obj) d;
          StringBuilder sb = new StringBuilder(Text.plain(dob.value("text").toString()));
          When due = dob.value("due");
          if (due != null) {
            sb.append(" (")
                .append(labels.get("action.due"))
                .append(": ")
                .append(Dates.shortText(due, labels.locale(), labels.get("date.tbd")))
                .append(")");
          }
          if (dob.string("status") != null) {
            sb.append(" \u2014 ")
                .append(
                    dob.string("status_as_written") != null
                        ? dob.string("status_as_written")
                        : labels.get("status." + dob.string("status")));
          }
          lines.add(sb.toString());
        }
      }
      case "resources" -> {
        Node.Obj r = (Node.Obj) n;
        if (r.string("staff_time") != null) {
          lines.add(labels.get("action.staff-time") + ": " + r.string("staff_time"));
        }
        for (Node f : r.list("financial")) {
          Node.Obj fo = (Node.Obj) f;
          StringBuilder sb =
              new StringBuilder(labels.get("action.financial"))
                  .append(": ")
                  .append(fo.string("source"));
          BigDecimal amount = fo.value("amount");
          if (amount != null) {
            NumberFormat nf = NumberFormat.getCurrencyInstance(java.util.Locale.US);
            nf.setMaximumFractionDigits(amount.scale() > 0 ? 2 : 0);
            sb.append(", ").append(nf.format(amount));
          }
          if (fo.string("note") != null) {
            sb.append(" (").append(fo.string("note")).append(")");
          }
          lines.add(sb.toString());
        }
        if (r.value("text") != null) {
          lines.add(mb.value(r.value("text")));
        }
      }
      default -> {
        switch (n) {
          case Node.Val v -> {
            Object value = v.value();
            if (value instanceof Boolean b) {
              lines.add(labels.get(b ? "action.yes" : "action.no"));
            } else if (value instanceof Markdown md) {
              lines.add(Text.markup(Text.inlineHtml(md.source())));
            } else if (value instanceof When w) {
              lines.add(Dates.text(w, labels.locale(), labels.get("date.tbd")));
            } else if (isRef(action, key)) {
              lines.add(titleOf(value.toString()));
            } else {
              lines.add(mb.value(value) instanceof DateView dv ? dv.text() : mb.value(value));
            }
          }
          case Node.Lst l -> {
            for (Node i : l.items()) {
              if (i instanceof Node.Val iv) {
                lines.add(
                    iv.value() instanceof Markdown md
                        ? Text.markup(Text.inlineHtml(md.source()))
                        : iv.value().toString());
              } else if (i instanceof Node.Obj io && io.string("text") != null) {
                lines.add(Text.markup(Text.inlineHtml(io.value("text").toString())));
              }
            }
          }
          default -> {}
        }
      }
    }
    return lines;
  }

  private static boolean isRef(Node.Obj action, String key) {
    var f = action.type().fields().get(key);
    return f != null
        && f.type() instanceof org.reap.schema.ScalarType st
        && st.scalar() == org.reap.schema.Scalar.REF;
  }

  private String titleOf(String id) {
    return repo.titleOf(id);
  }
}
