package org.reap.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reap.model.Document;
import org.reap.model.Meetings;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.When;
import org.reap.schema.Kinds;

/**
 * The data each template gets: the document as written (as "doc") plus what is worked out from it
 * and from the documents it points at. All figures are computed here, none in templates.
 */
public final class Views {
  private final Repository repo;
  private final ModelBuilder mb;
  private final Labels labels;
  private final LocalDate asOf;

  public Views(Repository repo, Labels labels, LocalDate asOf) {
    this.repo = repo;
    this.labels = labels;
    this.mb = new ModelBuilder(labels);
    this.asOf = asOf;
  }

  /** Fields every template gets. */
  private Map<String, Object> base(Document d, String outputName) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("doc", mb.object(d.root()));
    m.put("kind", d.kindName());
    m.put("lang", d.root().string("language") == null ? "en" : d.root().string("language"));
    m.put("output", outputName);
    m.put("as_of", mb.date(asOf));
    m.put("generator", "reap " + org.reap.cli.Versions.version());
    Document plan = planOf(d);
    if (plan != null && plan != d) {
      m.put("plan", mb.object(plan.root()));
    }
    m.put("custom_fields", customFields((String) m.get("lang")));
    return m;
  }

  /** The repository's own fields by schema group ("goal", "task", "plan"), each with its label, for templates to print. */
  private Map<String, Object> customFields(String lang) {
    Map<String, Object> out = new LinkedHashMap<>();
    repo.settings().fields().forEach((target, list) -> {
      String group = org.reap.schema.Settings.TARGETS.get(target);
      @SuppressWarnings("unchecked")
      List<Object> fs = (List<Object>) out.computeIfAbsent(group, k -> new ArrayList<Object>());
      for (org.reap.schema.Settings.CustomField cf : list) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("name", cf.name());
        fm.put("label", cf.label(lang));
        fm.put("type", cf.type());
        fs.add(fm);
      }
    });
    return out;
  }

  private Renderer.Since since;

  void since(Renderer.Since s) {
    this.since = s;
  }

  private Map<String, Object> changes(Document plan) {
    if (since == null) {
      return null;
    }
    org.reap.history.Changes.Result c = org.reap.history.Changes.between(since.before(), since.date(), since.revision(), repo, asOf, plan.id());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("since", mb.date(since.date()));
    m.put("revision", since.revision());
    m.put("completed", c.completed().stream().map(i -> (Object) entry(i.now())).toList());
    m.put("newly_late", c.newlyLate().stream().map(i -> (Object) entry(i.now())).toList());
    m.put("redated", c.redated().stream().map(i -> {
      Map<String, Object> r = entry(i.now());
      r.put("old_date", mb.date((When) i.before().value("date")));
      return (Object) r;
    }).toList());
    m.put("added", c.added().stream().map(i -> (Object) entry(i.now())).toList());
    m.put("dropped", c.dropped().stream().map(i -> (Object) entry(i.now() != null ? i.now() : i.before())).toList());
    m.put("new_values", c.newValues().stream().map(v -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("indicator", v.get("indicator"));
      r.put("observation", mb.object((Node.Obj) v.get("observation")));
      return (Object) r;
    }).toList());
    m.put("empty", c.isEmpty());
    return m;
  }

  public Document planOf(Document d) {
    if (d.kindName().equals("plan")) {
      return d;
    }
    String id = d.root().string("plan");
    Document p = id == null ? null : repo.document(id);
    return p != null && p.kindName().equals("plan") ? p : null;
  }

  /** Title of the thing an id names, or the id itself. */
  private String titleOf(String id) {
    Repository.Definition def = repo.find(id);
    if (def == null) {
      return id;
    }
    for (String f : List.of("title", "name", "heading", "text")) {
      String s = def.node().string(f);
      if (s != null) {
        return s;
      }
    }
    return id;
  }

  // ---- memo ----------------------------------------------------------------------------------

  public Map<String, Object> memo(Document d, Map<String, String> outputs) {
    Map<String, Object> m = base(d, d.id());
    List<Object> attachments = new ArrayList<>();
    for (Node n : d.root().list("attachments")) {
      Node.Obj a = (Node.Obj) n;
      Map<String, Object> am = mb.object(a);
      String status = a.string("status") == null ? "final" : a.string("status");
      am.put("status", status);
      am.put("status_label", labels.get("attachment." + status));
      String docId = a.string("document");
      if (docId != null) {
        Document target = repo.document(docId);
        if (target != null) {
          am.put("document_title", target.title());
          am.put("document_kind", target.kindName());
          String out = outputs.get(docId);
          if (out != null) {
            am.put("href", out);
          }
        }
      }
      attachments.add(am);
    }
    m.put("attachments", attachments);
    List<Object> sections = new ArrayList<>();
    for (Node n : d.root().list("sections")) {
      Node.Obj s = (Node.Obj) n;
      Map<String, Object> sm = mb.object(s);
      String heading = s.string("heading");
      sm.put("heading", heading != null ? heading : labels.get("section." + s.string("type")));
      sections.add(sm);
    }
    m.put("sections", sections);
    return m;
  }

  // ---- timeline ------------------------------------------------------------------------------

  public Map<String, Object> timeline(Document d) {
    Map<String, Object> m = base(d, d.id());
    List<Map<String, Object>> groups = new ArrayList<>();
    Map<String, Map<String, Object>> byMonth = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : Kinds.STATUSES) {
      counts.put(s, 0);
    }
    int overdue = 0;
    for (Node n : d.root().list("entries")) {
      Node.Obj e = (Node.Obj) n;
      Map<String, Object> row = entry(e);
      String status = Status.of(e);
      if (Status.overdue(e, "date", asOf)) {
        overdue++;
      } else {
        counts.merge(status, 1, Integer::sum);
      }
      YearMonth month = e.value("month");
      When w = e.value("date");
      String key;
      Map<String, Object> label;
      if (month != null) {
        key = month.toString();
        label = mb.date(new When(When.Precision.MONTH, month.atDay(1), month.atEndOfMonth(), true, month.toString()));
      } else if (w != null && !w.isTbd() && w.yearKnown()) {
        YearMonth ym = YearMonth.from(w.start());
        key = ym.toString();
        label = mb.date(new When(When.Precision.MONTH, ym.atDay(1), ym.atEndOfMonth(), true, ym.toString()));
      } else {
        key = "tbd";
        label = Map.of("text", labels.get("timeline.undated"), "raw", "TBD");
      }
      Map<String, Object> g = byMonth.get(key);
      if (g == null || !groups.isEmpty() && groups.get(groups.size() - 1) != g) {
        g = new LinkedHashMap<>();
        g.put("key", key);
        g.put("month", label);
        g.put("rows", new ArrayList<Object>());
        byMonth.put(key, g);
        groups.add(g);
      }
      @SuppressWarnings("unchecked")
      List<Object> rows = (List<Object>) g.get("rows");
      rows.add(row);
    }
    m.put("months", groups);
    m.put("counts", statusCounts(counts, overdue));
    Document plan = planOf(d);
    m.put("gantt", plan == null ? null : gantt(plan));
    m.put("deliverables", plan == null ? List.of() : deliverables(plan));
    m.put("partnership_label", d.root().string("partnership_label") != null ? d.root().string("partnership_label") : labels.get("timeline.partnership"));
    return m;
  }

  private Map<String, Object> entry(Node.Obj e) {
    Map<String, Object> row = mb.object(e);
    String status = Status.of(e);
    boolean late = Status.overdue(e, "date", asOf);
    row.put("status", cityWord(Status.model(status, labels), e.string("status_as_written")));
    row.put("overdue", late);
    row.put("shown_status", cityWord(Status.model(late ? "overdue" : status, labels), late ? null : e.string("status_as_written")));
    if (e.string("team") != null) {
      row.put("team_name", titleOf(e.string("team")));
    }
    if (e.string("deliverable") != null) {
      row.put("deliverable_title", titleOf(e.string("deliverable")));
    }
    if (e.string("objective") != null) {
      row.put("objective_title", titleOf(e.string("objective")));
    }
    String owner = e.string("owner") != null ? e.string("owner") : (String) row.get("team_name");
    if (owner != null) {
      row.put("who", owner);
    }
    row.put("partnership", Boolean.TRUE.equals(e.value("partnership")));
    return row;
  }

  /** A status as the city wrote it ("Ongoing"), where the settings file maps its word onto reap's. */
  private static Map<String, Object> cityWord(Map<String, Object> status, String word) {
    if (word != null) {
      status.put("label", word);
    }
    return status;
  }

  private List<Object> statusCounts(Map<String, Integer> counts, int overdue) {
    List<Object> out = new ArrayList<>();
    counts.forEach(
        (k, v) -> {
          Map<String, Object> c = Status.model(k, labels);
          c.put("count", v);
          out.add(c);
        });
    Map<String, Object> o = Status.model("overdue", labels);
    o.put("count", overdue);
    out.add(o);
    return out;
  }

  /** A Gantt chart of the plan's deliverables and their phases, with the as-of line. */
  String gantt(Document plan) {
    List<Charts.Task> tasks = new ArrayList<>();
    for (Node n : plan.root().list("deliverables")) {
      Node.Obj del = (Node.Obj) n;
      String group = (del.string("number") != null ? del.string("number") + ") " : "") + del.string("title");
      for (Node p : del.list("phases")) {
        Node.Obj ph = (Node.Obj) p;
        When w = ph.value("when");
        if (w == null || w.isTbd() || !w.yearKnown()) {
          continue;
        }
        tasks.add(new Charts.Task(group, ph.string("title"), w.start().toString(), w.end().toString(), chartStatus(phaseStatus(ph))));
      }
    }
    if (tasks.isEmpty()) {
      return null;
    }
    return Charts.gantt(labels.get("timeline.gantt-title"), asOf.toString(), labels.get("report.as-of", Dates.text(new When(When.Precision.DAY, asOf, asOf, true, ""), labels.locale(), "")), tasks);
  }

  /** The chart's five states: a phase whose dates passed without being marked done shows as late. */
  private static String chartStatus(String state) {
    return switch (state) {
      case "done", "in-progress", "at-risk", "planned" -> state;
      case "current" -> "in-progress";
      case "past", "missed" -> "late";
      default -> "planned";
    };
  }

  private String phaseStatus(Node.Obj ph) {
    String s = ph.string("status");
    if (s != null) {
      return s;
    }
    When w = ph.value("when");
    if (w == null || w.isTbd()) {
      return "planned";
    }
    if (w.end().isBefore(asOf)) {
      return "past";
    }
    return w.start().isAfter(asOf) ? "planned" : "current";
  }

  // ---- progress ------------------------------------------------------------------------------

  public Map<String, Object> progress(Document plan, String outputName) {
    Map<String, Object> m = base(plan, outputName);
    List<Node.Obj> milestones = new ArrayList<>();
    List<Document> timelines = new ArrayList<>();
    for (Document d : repo.ofKind("milestones")) {
      if (plan.id().equals(d.root().string("plan"))) {
        timelines.add(d);
        for (Node n : d.root().list("entries")) {
          milestones.add((Node.Obj) n);
        }
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : Kinds.STATUSES) {
      counts.put(s, 0);
    }
    int overdue = 0;
    int done = 0;
    int dropped = 0;
    Map<String, List<Object>> byStatus = new LinkedHashMap<>();
    byStatus.put("overdue", new ArrayList<>());
    for (String s : Kinds.STATUSES) {
      byStatus.put(s, new ArrayList<>());
    }
    List<Object> next30 = new ArrayList<>();
    List<Object> next60 = new ArrayList<>();
    List<Object> next90 = new ArrayList<>();
    List<Object> undated = new ArrayList<>();
    for (Node.Obj e : milestones) {
      String s = Status.of(e);
      if (!Status.overdue(e, "date", asOf)) {
        counts.merge(s, 1, Integer::sum);
      }
      done += s.equals("done") ? 1 : 0;
      dropped += s.equals("dropped") ? 1 : 0;
      Map<String, Object> row = entry(e);
      boolean late = Status.overdue(e, "date", asOf);
      if (late) {
        overdue++;
        byStatus.get("overdue").add(row);
      } else {
        byStatus.get(s).add(row);
      }
      When w = e.value("date");
      boolean open = s.equals("planned") || s.equals("in-progress") || s.equals("at-risk");
      if (open && w != null && (w.isTbd() || !w.yearKnown())) {
        undated.add(row);
      } else if (open && w != null && !w.start().isBefore(asOf.plusDays(1))) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(asOf, w.start());
        if (days <= 30) {
          next30.add(row);
        } else if (days <= 60) {
          next60.add(row);
        } else if (days <= 90) {
          next90.add(row);
        }
      }
    }
    int counted = milestones.size() - dropped;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("total", milestones.size());
    summary.put("done", done);
    summary.put("overdue", overdue);
    summary.put("percent_complete", counted == 0 ? 0 : (int) Math.round(100.0 * done / counted));
    summary.put("counts", statusCounts(counts, overdue));
    summary.put("next_30", next30);
    summary.put("next_60", next60);
    summary.put("next_90", next90);
    summary.put("undated", undated);
    m.put("summary", summary);
    List<Object> groups = new ArrayList<>();
    byStatus.forEach(
        (k, rows) -> {
          if (!rows.isEmpty()) {
            Map<String, Object> g = Status.model(k, labels);
            g.put("rows", rows);
            groups.add(g);
          }
        });
    m.put("milestone_groups", groups);
    m.put("timelines", timelines.stream().map(t -> (Object) Map.of("id", t.id(), "title", t.title())).toList());
    m.put("deliverables", deliverables(plan));
    m.put("gantt", gantt(plan));
    m.put("matrices", matrices(plan));
    m.put("indicators", indicators(plan));
    m.put("teams", teams(plan));
    Map<String, Object> actions = actionTables((String) m.get("lang")).table(plan);
    if (actions != null) {
      m.put("action_table", actions);
    }
    m.put("meetings", meetings(plan));
    m.put("accomplishments", accomplishments(plan));
    Map<String, Object> ch = changes(plan);
    if (ch != null) {
      m.put("changes", ch);
    }
    return m;
  }

  private List<Object> deliverables(Document plan) {
    List<Object> out = new ArrayList<>();
    for (Node n : plan.root().list("deliverables")) {
      Node.Obj del = (Node.Obj) n;
      Map<String, Object> dm = mb.object(del);
      List<Object> phases = new ArrayList<>();
      for (Node p : del.list("phases")) {
        Node.Obj ph = (Node.Obj) p;
        Map<String, Object> pm = mb.object(ph);
        String st = phaseStatus(ph);
        pm.put("state", st);
        pm.put("state_label", labels.get("phase." + st));
        phases.add(pm);
      }
      dm.put("phases", phases);
      if (del.string("status") != null) {
        dm.put("status", Status.model(del.string("status"), labels));
      }
      int linked = 0;
      int linkedDone = 0;
      for (Document d : repo.ofKind("milestones")) {
        for (Node e : d.root().list("entries")) {
          Node.Obj eo = (Node.Obj) e;
          if (del.string("id").equals(eo.string("deliverable"))) {
            linked++;
            linkedDone += Status.of(eo).equals("done") ? 1 : 0;
          }
        }
      }
      dm.put("milestones", linked);
      dm.put("milestones_done", linkedDone);
      out.add(dm);
    }
    return out;
  }

  private List<Object> matrices(Document plan) {
    List<Object> out = new ArrayList<>();
    for (Document d : repo.ofKind("outcome-matrix")) {
      if (plan.id().equals(d.root().string("plan"))) {
        out.add(outcomeMatrix(d));
      }
    }
    return out;
  }

  private List<Object> indicators(Document plan) {
    List<Object> out = new ArrayList<>();
    for (Document d : repo.ofKind("indicators")) {
      if (plan.id().equals(d.root().string("plan"))) {
        for (Node n : d.root().list("indicators")) {
          out.add(indicator((Node.Obj) n));
        }
      }
    }
    return out;
  }

  private List<Object> teams(Document plan) {
    List<Object> out = new ArrayList<>();
    for (Node n : plan.root().list("teams")) {
      Node.Obj t = (Node.Obj) n;
      Map<String, Object> tm = mb.object(t);
      List<Object> tasks = new ArrayList<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Node x : t.list("tasks")) {
        Node.Obj task = (Node.Obj) x;
        Map<String, Object> xm = mb.object(task);
        boolean late = Status.overdue(task, "due", asOf);
        String st = Status.of(task);
        xm.put("status", cityWord(Status.model(st, labels), task.string("status_as_written")));
        xm.put("shown_status", cityWord(Status.model(late ? "overdue" : st, labels), late ? null : task.string("status_as_written")));
        counts.merge(late ? "overdue" : st, 1, Integer::sum);
        tasks.add(xm);
      }
      tm.put("tasks", tasks);
      List<Object> cs = new ArrayList<>();
      counts.forEach(
          (k, v) -> {
            Map<String, Object> c = Status.model(k, labels);
            c.put("count", v);
            cs.add(c);
          });
      tm.put("task_counts", cs);
      out.add(tm);
    }
    return out;
  }

  public Map<String, Object> meetings(Document plan) {
    List<Object> rows = new ArrayList<>();
    double total = 0;
    boolean any = false;
    for (Node n : plan.root().list("meetings")) {
      Node.Obj mo = (Node.Obj) n;
      Map<String, Object> mm = mb.object(mo);
      Double h = Meetings.hoursPerMonth(mo);
      if (h != null) {
        mm.put("hours_per_month", Meetings.format(h));
        total += h;
        any = true;
      }
      if (mo.has("times")) {
        mm.put("cadence", labels.get("meeting.cadence", Meetings.format(((BigDecimal) mo.value("times")).doubleValue()), labels.get("per." + mo.string("per"))));
      }
      rows.add(mm);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("total_hours_per_month", any ? Meetings.format(total) : null);
    return m;
  }

  private List<Object> accomplishments(Document plan) {
    When period = plan.root().obj("period") == null ? null : plan.root().obj("period").value("when");
    List<Object> out = new ArrayList<>();
    for (Node n : plan.root().list("accomplishments")) {
      Node.Obj a = (Node.Obj) n;
      When w = a.obj("period").value("when");
      boolean inPeriod = period == null || w == null || w.isTbd() || period.isTbd() || !(w.end().isBefore(period.start()) || w.start().isAfter(period.end()));
      if (inPeriod) {
        out.add(mb.object(a));
      }
    }
    return out;
  }

  // ---- outcome matrix ------------------------------------------------------------------------

  public Map<String, Object> outcomeMatrixPage(Document d) {
    Map<String, Object> m = base(d, d.id());
    m.put("matrix", outcomeMatrix(d));
    return m;
  }

  private Map<String, Object> outcomeMatrix(Document d) {
    Map<String, Object> mm = mb.object(d.root());
    List<Object> areas = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Node n : d.root().list("areas")) {
      Node.Obj a = (Node.Obj) n;
      Map<String, Object> am = mb.object(a);
      am.put("label", a.string("label") != null ? a.string("label") : labels.get("area." + a.string("area")));
      for (String stage : Kinds.STAGES) {
        am.put(stage, outcomes(a.list(stage), counts));
      }
      areas.add(am);
    }
    mm.put("areas", areas);
    mm.put("stages", Kinds.STAGES.stream().map(s -> (Object) Map.of("key", s, "label", labels.get("stage." + s))).toList());
    List<Object> cs = new ArrayList<>();
    counts.forEach(
        (k, v) -> {
          Map<String, Object> c = Status.model(k, labels);
          c.put("count", v);
          cs.add(c);
        });
    mm.put("status_counts", cs);
    return mm;
  }

  private List<Object> outcomes(List<Node> list, Map<String, Integer> counts) {
    List<Object> out = new ArrayList<>();
    for (Node n : list) {
      Node.Obj o = (Node.Obj) n;
      Map<String, Object> om = mb.object(o);
      if (o.string("status") != null) {
        om.put("status", Status.model(o.string("status"), labels));
        counts.merge(o.string("status"), 1, Integer::sum);
      }
      om.put("items", outcomes(o.list("items"), counts));
      if (!o.list("indicators").isEmpty()) {
        om.put("indicator_names", o.list("indicators").stream().map(i -> (Object) titleOf((String) ((Node.Val) i).value())).toList());
      }
      out.add(om);
    }
    return out;
  }

  // ---- indicators ----------------------------------------------------------------------------

  public Map<String, Object> indicatorsPage(Document d) {
    Map<String, Object> m = base(d, d.id());
    List<Object> list = new ArrayList<>();
    for (Node n : d.root().list("indicators")) {
      list.add(indicator((Node.Obj) n));
    }
    m.put("indicators", list);
    return m;
  }

  Map<String, Object> indicator(Node.Obj ind) {
    Map<String, Object> im = mb.object(ind);
    Node.Obj base = ind.obj("baseline");
    Node.Obj target = ind.obj("target");
    Node.Obj latest = null;
    for (Node o : ind.list("observations")) {
      Node.Obj ob = (Node.Obj) o;
      if (ob.has("value")) {
        latest = ob;
      }
    }
    if (latest != null) {
      im.put("latest", mb.object(latest));
    }
    BigDecimal b = base == null ? null : base.value("value");
    BigDecimal t = target == null ? null : target.value("value");
    BigDecimal l = latest == null ? null : latest.value("value");
    boolean higher = "higher-is-better".equals(ind.string("polarity"));
    String direction = "unknown";
    if (b != null && l != null) {
      int c = l.compareTo(b);
      direction = c == 0 ? "unchanged" : (c > 0) == higher ? "improving" : "worsening";
      im.put("change", l.subtract(b).stripTrailingZeros().toPlainString());
    }
    im.put("direction", direction);
    im.put("direction_label", labels.get("direction." + direction));
    im.put("direction_symbol", switch (direction) {
      case "improving" -> higher ? "\u25B2" : "\u25BC";
      case "worsening" -> higher ? "\u25BC" : "\u25B2";
      case "unchanged" -> "=";
      default -> "";
    });
    if (b != null && t != null && l != null && t.compareTo(b) != 0) {
      BigDecimal pct = l.subtract(b).multiply(BigDecimal.valueOf(100)).divide(t.subtract(b), 0, RoundingMode.HALF_UP);
      im.put("progress_to_target", pct.intValue());
    }
    // chart: observations over time, one series for everyone and one per group
    List<String> categories = new ArrayList<>();
    List<Node.Obj> points = new ArrayList<>();
    if (base != null) {
      points.add(base);
    }
    for (Node o : ind.list("observations")) {
      Node.Obj ob = (Node.Obj) o;
      if (base == null || !java.util.Objects.equals(ob.value("date"), base.value("date"))) {
        points.add(ob);
      }
    }
    List<String> groupNames = new ArrayList<>();
    for (Node.Obj p : points) {
      When w = p.value("date");
      categories.add(w == null ? "" : Dates.shortText(w, labels.locale(), labels.get("date.tbd")));
      Node g = p.fields().get("groups");
      if (g instanceof Node.Dict dict) {
        for (String k : dict.entries().keySet()) {
          if (!groupNames.contains(k)) {
            groupNames.add(k);
          }
        }
      }
    }
    List<Charts.Series> series = new ArrayList<>();
    if (points.stream().anyMatch(p -> p.has("value"))) {
      series.add(new Charts.Series(labels.get("indicator.everyone"), points.stream().map(p -> (BigDecimal) p.value("value")).toList()));
    }
    for (String gname : groupNames) {
      List<BigDecimal> vals = new ArrayList<>();
      for (Node.Obj p : points) {
        Node g = p.fields().get("groups");
        Node v = g instanceof Node.Dict dict ? dict.entries().get(gname) : null;
        vals.add(v instanceof Node.Val val ? (BigDecimal) val.value() : null);
      }
      series.add(new Charts.Series(gname, vals));
    }
    if (!categories.isEmpty() && !series.isEmpty()) {
      String targetLabel = target == null ? null : labels.get("indicator.target-label", target.value("date") == null ? "" : Dates.text((When) target.value("date"), labels.locale(), labels.get("date.tbd")));
      im.put("chart", Charts.line(ind.string("name"), labels.get("indicator.date"), ind.string("unit"), categories, series, t, targetLabel));
      im.put("chart_categories", categories);
      List<Object> rows = new ArrayList<>();
      for (Charts.Series s : series) {
        rows.add(Map.of("name", s.name(), "values", s.values().stream().map(v -> (Object) (v == null ? "\u2014" : v.stripTrailingZeros().toPlainString())).toList()));
      }
      im.put("chart_rows", rows);
      im.put("chart_alt", labels.get("indicator.chart-alt", ind.string("name"), categories.get(0), categories.get(categories.size() - 1)));
    }
    im.put("groups", groupNames);
    return im;
  }

  // ---- plan, findings, equity analysis -------------------------------------------------------

  public Map<String, Object> plan(Document d) {
    Map<String, Object> m = base(d, d.id());
    m.put("meetings", meetings(d));
    m.put("gantt", gantt(d));
    Map<String, Object> actions = actionTables((String) m.get("lang")).table(d);
    if (actions != null) {
      m.put("action_table", actions);
    }
    return m;
  }

  private ActionTables actionTables(String lang) {
    return new ActionTables(repo, mb, labels, asOf, lang);
  }

  /** The index page: one row per output document. */
  public Map<String, Object> index(List<Renderer.Job> jobs, boolean pdf, boolean html) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lang", "en");
    m.put("as_of", mb.date(asOf));
    m.put("generator", "reap " + org.reap.cli.Versions.version());
    List<Object> rows = new ArrayList<>();
    Map<String, List<Object>> translations = new LinkedHashMap<>();
    for (Renderer.Job j : jobs) {
      if (j.isTranslation()) {
        Map<String, Object> t = new LinkedHashMap<>();
        Locale l = Locale.forLanguageTag(j.language());
        String name = l.getDisplayName(l);
        t.put("lang", j.language());
        t.put("name", name.isEmpty() || name.equals(j.language()) ? j.language() : name.substring(0, 1).toUpperCase(l) + name.substring(1));
        t.put("title", j.title());
        if (pdf) {
          t.put("pdf", j.name() + ".pdf");
        }
        if (html) {
          t.put("html", j.name() + ".html");
        }
        translations.computeIfAbsent(j.original(), k -> new ArrayList<>()).add(t);
      }
    }
    for (Renderer.Job j : jobs) {
      if (j.isTranslation()) {
        continue;
      }
      Document d = j.source();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", j.name());
      r.put("title", j.title());
      r.put("kind", labels.get("kind." + (j.template().equals("progress.ftlx") ? "progress" : d.kindName())));
      r.put("file", d.file().displayPath());
      if (pdf) {
        r.put("pdf", j.name() + ".pdf");
      }
      if (html) {
        r.put("html", j.name() + ".html");
      }
      r.put("detail", detail(d, j));
      if (translations.containsKey(j.name())) {
        r.put("translations", translations.get(j.name()));
      }
      Document plan = planOf(d);
      r.put("group", plan != null ? plan.root().string("jurisdiction") : d.kindName().equals("agenda-item") ? d.root().obj("committee").string("jurisdiction") : "");
      rows.add(r);
    }
    m.put("documents", rows);
    return m;
  }

  private String detail(Document d, Renderer.Job j) {
    switch (j.template()) {
      case "memo.ftlx" -> {
        Node.Obj meeting = d.root().obj("meeting");
        return labels.get("index.memo", d.root().obj("committee").string("name"), Dates.text(new When(When.Precision.DAY, meeting.value("date"), meeting.value("date"), true, ""), labels.locale(), ""), d.root().string("file_id"));
      }
      case "timeline.ftlx", "progress.ftlx" -> {
        int total = 0;
        int done = 0;
        int late = 0;
        List<Document> sources = j.template().equals("timeline.ftlx") ? List.of(d) : repo.ofKind("milestones").stream().filter(x -> d.id().equals(x.root().string("plan"))).toList();
        for (Document t : sources) {
          for (Node n : t.root().list("entries")) {
            Node.Obj e = (Node.Obj) n;
            total++;
            done += Status.of(e).equals("done") ? 1 : 0;
            late += Status.overdue(e, "date", asOf) ? 1 : 0;
          }
        }
        return labels.get("index.milestones", total, done, late);
      }
      default -> {
        String j2 = d.root().string("jurisdiction");
        return j2 == null ? "" : j2;
      }
    }
  }

  public Map<String, Object> simple(Document d) {
    return base(d, d.id());
  }
}
