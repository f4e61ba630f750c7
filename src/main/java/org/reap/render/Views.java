package org.reap.render;

import java.math.BigDecimal;
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
import org.reap.model.Status;
import org.reap.model.When;
import org.reap.render.view.DateView;
import org.reap.render.view.Deliverable;
import org.reap.render.view.EquityAnalysis;
import org.reap.render.view.Index;
import org.reap.render.view.Indicator;
import org.reap.render.view.Indicators;
import org.reap.render.view.Memo;
import org.reap.render.view.Milestone;
import org.reap.render.view.OutcomeMatrix;
import org.reap.render.view.Page;
import org.reap.render.view.Plan;
import org.reap.render.view.Progress;
import org.reap.render.view.StatusView;
import org.reap.render.view.Timeline;
import org.reap.schema.DocumentKinds;
import org.reap.schema.Kinds;

/**
 * The one place the views are built: the record each template gets ({@link org.reap.render.view}),
 * the document as written (as "doc", and each row's fields) plus what is worked out from it and
 * from the documents it points at. All figures are computed here, none in templates.
 */
public final class Views {
  private final Repository repo;
  private final ModelBuilder mb;
  private final Labels labels;
  private final LocalDate asOf;
  private final String generator;
  private final IndicatorViews indicators;

  /** {@code generator} is the "reap VERSION" every page names as its maker. */
  public Views(Repository repo, Labels labels, LocalDate asOf, String generator) {
    this.repo = repo;
    this.labels = labels;
    this.mb = new ModelBuilder(labels);
    this.asOf = asOf;
    this.generator = generator;
    this.indicators = new IndicatorViews(mb, labels);
  }

  /** Fields every template gets. */
  private Page base(Document d, String outputName) {
    String lang = d.root().string("language") == null ? "en" : d.root().string("language");
    Document plan = planOf(d);
    return new Page(
        mb.object(d.root()),
        d.kindName(),
        lang,
        outputName,
        mb.date(asOf),
        generator,
        plan != null && plan != d ? mb.object(plan.root()) : null,
        customFields(lang));
  }

  /**
   * The repository's own fields by schema group ("goal", "task", "plan"), each with its label, for
   * templates to print.
   */
  private Map<String, List<Page.CustomField>> customFields(String lang) {
    Map<String, List<Page.CustomField>> out = new LinkedHashMap<>();
    repo.settings()
        .fields()
        .forEach(
            (target, list) -> {
              List<Page.CustomField> fs =
                  out.computeIfAbsent(
                      org.reap.schema.Settings.TARGETS.get(target), k -> new ArrayList<>());
              for (org.reap.schema.Settings.CustomField cf : list) {
                fs.add(new Page.CustomField(cf.name(), cf.label(lang), cf.type()));
              }
            });
    return out;
  }

  private Renderer.Since since;

  void since(Renderer.Since s) {
    this.since = s;
  }

  private Progress.Changes changes(Document plan) {
    if (since == null) {
      return null;
    }
    org.reap.history.Changes.Result c =
        org.reap.history.Changes.between(
            since.before(), since.date(), since.revision(), repo, asOf, plan.id());
    return new Progress.Changes(
        mb.date(since.date()),
        since.revision(),
        c.completed().stream().map(i -> entry(i.now())).toList(),
        c.newlyLate().stream().map(i -> entry(i.now())).toList(),
        c.redated().stream()
            .map(
                i ->
                    new Milestone.Redated(entry(i.now()), mb.date((When) i.before().value("date"))))
            .toList(),
        c.added().stream().map(i -> entry(i.now())).toList(),
        c.dropped().stream().map(i -> entry(i.now() != null ? i.now() : i.before())).toList(),
        c.newValues().stream()
            .map(v -> new Progress.NewValue(v.indicator(), mb.object(v.observation())))
            .toList(),
        c.isEmpty());
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
    return repo.titleOf(id);
  }

  // ---- memo ----------------------------------------------------------------------------------

  public Memo memo(Document d, Map<String, String> outputs) {
    AttachmentWording wording = new AttachmentWording(labels, d);
    List<Memo.Attachment> attachments = new ArrayList<>();
    for (Node n : d.root().list("attachments")) {
      Node.Obj a = (Node.Obj) n;
      String docId = a.string("document");
      Document target = docId == null ? null : repo.document(docId);
      attachments.add(
          new Memo.Attachment(
              mb.object(a),
              wording.statusLabel(a),
              target == null ? null : target.title(),
              target == null ? null : target.kindName(),
              target == null ? null : outputs.get(docId)));
    }
    List<Memo.Section> sections = new ArrayList<>();
    for (Node n : d.root().list("sections")) {
      Node.Obj s = (Node.Obj) n;
      String heading = s.string("heading");
      sections.add(
          new Memo.Section(
              mb.object(s), heading != null ? heading : labels.get("section." + s.string("type"))));
    }
    return new Memo(base(d, d.id()), attachments, sections);
  }

  // ---- timeline ------------------------------------------------------------------------------

  public Timeline timeline(Document d) {
    List<Timeline.Month> groups = new ArrayList<>();
    List<Node.Obj> entries = new ArrayList<>();
    for (Node n : d.root().list("entries")) {
      Node.Obj e = (Node.Obj) n;
      entries.add(e);
      Milestone row = entry(e);
      YearMonth month = e.value("month");
      When w = e.value("date");
      String key;
      DateView label;
      if (month != null) {
        key = month.toString();
        label =
            mb.date(
                new When(
                    When.Precision.MONTH,
                    month.atDay(1),
                    month.atEndOfMonth(),
                    true,
                    month.toString()));
      } else if (w != null && !w.isTbd() && w.yearKnown()) {
        YearMonth ym = YearMonth.from(w.start());
        key = ym.toString();
        label =
            mb.date(
                new When(
                    When.Precision.MONTH, ym.atDay(1), ym.atEndOfMonth(), true, ym.toString()));
      } else {
        key = "tbd";
        label = DateView.undated(labels.get("timeline.undated"), "TBD");
      }
      // a month's rows run together; the same month after another starts a new group
      Timeline.Month last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (last == null || !last.key().equals(key)) {
        last = new Timeline.Month(key, label, new ArrayList<>());
        groups.add(last);
      }
      last.rows().add(row);
    }
    Document plan = planOf(d);
    return new Timeline(
        base(d, d.id()),
        groups,
        statusCounts(entries),
        (int) entries.stream().filter(e -> Status.pastWithoutStatus(e, asOf)).count(),
        legend(),
        plan == null ? null : gantt(plan),
        plan == null ? null : ganttAlt(plan),
        plan == null ? List.of() : deliverables(plan),
        d.root().string("partnership_label") != null
            ? d.root().string("partnership_label")
            : labels.get("timeline.partnership"));
  }

  private Milestone entry(Node.Obj e) {
    Status shown = Status.shown(e, asOf);
    String word = e.string("status_as_written");
    String team = e.string("team") == null ? null : titleOf(e.string("team"));
    return new Milestone(
        mb.object(e),
        cityWord(mb.status(Status.reported(e)), word),
        shown == Status.OVERDUE,
        cityWord(mb.status(shown), shown == Status.OVERDUE ? null : word),
        team,
        e.string("deliverable") == null ? null : titleOf(e.string("deliverable")),
        e.string("objective") == null ? null : titleOf(e.string("objective")),
        e.string("owner") != null ? e.string("owner") : team,
        Boolean.TRUE.equals(e.value("partnership")));
  }

  /**
   * A status as the city wrote it ("Ongoing"), where the settings file maps its word onto reap's.
   */
  private static StatusView cityWord(StatusView status, String word) {
    return status.withLabel(word);
  }

  /** How many items show each status on the as-of date, in {@link Status#WORK} order. */
  private List<StatusView.Count> statusCounts(List<Node.Obj> items) {
    Map<Status, Integer> counts = new java.util.EnumMap<>(Status.class);
    Status.WORK.forEach(st -> counts.put(st, 0));
    items.forEach(e -> counts.merge(Status.shown(e, asOf), 1, Integer::sum));
    List<StatusView.Count> out = new ArrayList<>();
    for (Status st : Status.WORK) {
      out.add(new StatusView.Count(mb.status(st), counts.get(st)));
    }
    return out;
  }

  /** The status legend, from the one vocabulary: "✓ Done, ◐ In progress, …". */
  private String legend() {
    List<String> words = new ArrayList<>();
    for (Status st : Status.WORK) {
      words.add(st.symbol() + " " + labels.get(st.labelKey()));
    }
    return labels.get("timeline.legend", String.join(", ", words));
  }

  /**
   * The text alternative of the plan's Gantt chart: its type, how many phases show each status (in
   * the words the table uses), and where the same data is in a table. Null when there is no chart.
   */
  String ganttAlt(Document plan) {
    Map<Status, Integer> counts = new java.util.EnumMap<>(Status.class);
    int phases = 0;
    java.util.Set<String> deliverables = new java.util.LinkedHashSet<>();
    LocalDate first = null;
    LocalDate last = null;
    for (Node n : plan.root().list("deliverables")) {
      Node.Obj del = (Node.Obj) n;
      for (Node p : del.list("phases")) {
        Node.Obj ph = (Node.Obj) p;
        When w = ph.value("when");
        if (w == null || w.isTbd() || !w.yearKnown()) {
          continue;
        }
        phases++;
        deliverables.add(del.string("id") != null ? del.string("id") : del.string("title"));
        counts.merge(Status.shown(ph, asOf), 1, Integer::sum);
        first = first == null || w.start().isBefore(first) ? w.start() : first;
        last = last == null || w.end().isAfter(last) ? w.end() : last;
      }
    }
    if (phases == 0 || gantt(plan) == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Status st : Status.WORK) {
      if (counts.containsKey(st)) {
        parts.add(counts.get(st) + " " + labels.get(st.labelKey()));
      }
    }
    return labels.get(
        "timeline.gantt-alt",
        phases,
        deliverables.size(),
        Dates.monthYear(first, labels.locale()),
        Dates.monthYear(last, labels.locale()),
        Dates.text(new When(When.Precision.DAY, asOf, asOf, true, ""), labels.locale(), ""),
        String.join(", ", parts));
  }

  /** A Gantt chart of the plan's deliverables and their phases, with the as-of line. */
  String gantt(Document plan) {
    List<Charts.Task> tasks = new ArrayList<>();
    for (Node n : plan.root().list("deliverables")) {
      Node.Obj del = (Node.Obj) n;
      String group =
          (del.string("number") != null ? del.string("number") + ") " : "") + del.string("title");
      for (Node p : del.list("phases")) {
        Node.Obj ph = (Node.Obj) p;
        When w = ph.value("when");
        if (w == null || w.isTbd() || !w.yearKnown()) {
          continue;
        }
        Status st = Status.shown(ph, asOf);
        tasks.add(
            new Charts.Task(
                group,
                ph.string("title"),
                w.start().toString(),
                w.end().toString(),
                st.key(),
                labels.get(st.labelKey())));
      }
    }
    if (tasks.isEmpty()) {
      return null;
    }
    return Charts.gantt(
        labels.get("timeline.gantt-title"),
        asOf.toString(),
        labels.get(
            "report.as-of",
            Dates.text(new When(When.Precision.DAY, asOf, asOf, true, ""), labels.locale(), "")),
        tasks);
  }

  // ---- progress ------------------------------------------------------------------------------

  /**
   * Whether a progress report of {@code plan} would report anything: milestones linked to it,
   * deliverables, indicators, accomplishments, actions or tasks with a status. A report that could
   * only say "no milestones are linked to this plan" is not made (issue 16).
   */
  public boolean hasProgress(Document plan) {
    if (!repo.milestonesOf(plan.id()).isEmpty() || !plan.root().list("deliverables").isEmpty()) {
      return true;
    }
    if (!indicators(plan).isEmpty() || !accomplishments(plan).isEmpty()) {
      return true;
    }
    if (actionTables(labels.locale().toLanguageTag()).table(plan) != null) {
      return true;
    }
    for (Node o : plan.root().list("objectives")) {
      if (o instanceof Node.Obj obj) {
        for (Node t : obj.list("tasks")) {
          if (t instanceof Node.Obj task && task.fields().containsKey("status")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  public Progress progress(Document plan, String outputName) {
    List<Node.Obj> milestones = repo.milestonesOf(plan.id());
    List<Document> timelines = repo.timelinesOf(plan.id());
    int overdue = 0;
    int done = 0;
    int dropped = 0;
    int pastWithoutStatus = 0;
    Map<Status, List<Milestone>> byStatus = new LinkedHashMap<>();
    byStatus.put(Status.OVERDUE, new ArrayList<>());
    for (Status st : Status.WORK) {
      byStatus.putIfAbsent(st, new ArrayList<>());
    }
    List<Milestone> next30 = new ArrayList<>();
    List<Milestone> next60 = new ArrayList<>();
    List<Milestone> next90 = new ArrayList<>();
    List<Milestone> undated = new ArrayList<>();
    for (Node.Obj e : milestones) {
      Status reported = Status.reported(e);
      Status shown = Status.shown(e, asOf);
      done += reported == Status.DONE ? 1 : 0;
      dropped += reported == Status.DROPPED ? 1 : 0;
      overdue += shown == Status.OVERDUE ? 1 : 0;
      pastWithoutStatus += Status.pastWithoutStatus(e, asOf) ? 1 : 0;
      Milestone row = entry(e);
      byStatus.get(shown).add(row);
      When w = e.value("date");
      // work not reported done, dropped or missed and not overdue: what is still to come
      boolean open = reported.isOpen() || reported == Status.NOT_REPORTED;
      if (open && w != null && (w.isTbd() || !w.yearKnown())) {
        undated.add(row);
      } else if (open && w != null && !w.end().isBefore(asOf)) {
        // an item dated on the as-of day, or under way across it, is due within 30 days
        long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(asOf, w.start()));
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
    Progress.Summary summary =
        new Progress.Summary(
            milestones.size(),
            done,
            overdue,
            pastWithoutStatus,
            counted == 0 ? 0 : (int) Math.round(100.0 * done / counted),
            statusCounts(milestones),
            next30,
            next60,
            next90,
            undated);
    List<StatusView.Group> groups = new ArrayList<>();
    byStatus.forEach(
        (k, rows) -> {
          if (!rows.isEmpty()) {
            groups.add(new StatusView.Group(mb.status(k), rows));
          }
        });
    Page page = base(plan, outputName);
    return new Progress(
        page,
        summary,
        groups,
        timelines.stream().map(t -> new Progress.TimelineRef(t.id(), t.title())).toList(),
        deliverables(plan),
        gantt(plan),
        ganttAlt(plan),
        matrices(plan),
        indicators(plan),
        teams(plan),
        actionTables(page.lang()).table(plan),
        meetings(plan),
        accomplishments(plan),
        changes(plan));
  }

  private List<Deliverable> deliverables(Document plan) {
    List<Deliverable> out = new ArrayList<>();
    for (Node n : plan.root().list("deliverables")) {
      Node.Obj del = (Node.Obj) n;
      List<Deliverable.Phase> phases = new ArrayList<>();
      for (Node p : del.list("phases")) {
        Node.Obj ph = (Node.Obj) p;
        phases.add(
            new Deliverable.Phase(
                mb.object(ph), mb.status(Status.reported(ph)), mb.status(Status.shown(ph, asOf))));
      }
      int linked = 0;
      int linkedDone = 0;
      for (Document d : repo.ofKind("milestones")) {
        for (Node e : d.root().list("entries")) {
          Node.Obj eo = (Node.Obj) e;
          if (del.string("id").equals(eo.string("deliverable"))) {
            linked++;
            linkedDone += Status.reported(eo) == Status.DONE ? 1 : 0;
          }
        }
      }
      out.add(
          new Deliverable(
              mb.object(del),
              phases,
              del.string("status") != null ? mb.status(Status.reported(del)) : null,
              linked,
              linkedDone));
    }
    return out;
  }

  private List<OutcomeMatrix.Matrix> matrices(Document plan) {
    List<OutcomeMatrix.Matrix> out = new ArrayList<>();
    for (Document d : repo.ofKind("outcome-matrix")) {
      if (plan.id().equals(d.root().string("plan"))) {
        out.add(outcomeMatrix(d));
      }
    }
    return out;
  }

  private List<Indicator> indicators(Document plan) {
    List<Indicator> out = new ArrayList<>();
    for (Document d : repo.ofKind("indicators")) {
      if (plan.id().equals(d.root().string("plan"))) {
        for (Node n : d.root().list("indicators")) {
          out.add(indicators.indicator((Node.Obj) n));
        }
      }
    }
    return out;
  }

  private List<Progress.Team> teams(Document plan) {
    List<Progress.Team> out = new ArrayList<>();
    for (Node n : plan.root().list("teams")) {
      Node.Obj t = (Node.Obj) n;
      List<Progress.Task> tasks = new ArrayList<>();
      Map<Status, Integer> counts = new LinkedHashMap<>();
      for (Node x : t.list("tasks")) {
        Node.Obj task = (Node.Obj) x;
        Status shown = Status.shown(task, asOf);
        tasks.add(
            new Progress.Task(
                mb.object(task),
                cityWord(mb.status(Status.reported(task)), task.string("status_as_written")),
                cityWord(
                    mb.status(shown),
                    shown == Status.OVERDUE ? null : task.string("status_as_written"))));
        counts.merge(shown, 1, Integer::sum);
      }
      List<StatusView.Count> cs = new ArrayList<>();
      counts.forEach((k, v) -> cs.add(new StatusView.Count(mb.status(k), v)));
      out.add(new Progress.Team(mb.object(t), tasks, cs));
    }
    return out;
  }

  public org.reap.render.view.Meetings meetings(Document plan) {
    List<org.reap.render.view.Meetings.Row> rows = new ArrayList<>();
    double total = 0;
    boolean any = false;
    for (Node n : plan.root().list("meetings")) {
      Node.Obj mo = (Node.Obj) n;
      Double h = Meetings.hoursPerMonth(mo);
      if (h != null) {
        total += h;
        any = true;
      }
      String cadence =
          mo.has("times")
              ? labels.get(
                  "meeting.cadence",
                  Meetings.format(((BigDecimal) mo.value("times")).doubleValue()),
                  labels.get("per." + mo.string("per")))
              : null;
      rows.add(
          new org.reap.render.view.Meetings.Row(
              mb.object(mo), h == null ? null : Meetings.format(h), cadence));
    }
    return new org.reap.render.view.Meetings(rows, any ? Meetings.format(total) : null);
  }

  private List<Map<String, Object>> accomplishments(Document plan) {
    When period =
        plan.root().obj("period") == null ? null : plan.root().obj("period").value("when");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Node n : plan.root().list("accomplishments")) {
      Node.Obj a = (Node.Obj) n;
      When w = a.obj("period").value("when");
      boolean inPeriod =
          period == null
              || w == null
              || w.isTbd()
              || period.isTbd()
              || !(w.end().isBefore(period.start()) || w.start().isAfter(period.end()));
      if (inPeriod) {
        out.add(mb.object(a));
      }
    }
    return out;
  }

  // ---- outcome matrix ------------------------------------------------------------------------

  public OutcomeMatrix outcomeMatrixPage(Document d) {
    return new OutcomeMatrix(base(d, d.id()), outcomeMatrix(d));
  }

  private OutcomeMatrix.Matrix outcomeMatrix(Document d) {
    List<OutcomeMatrix.Area> areas = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Node n : d.root().list("areas")) {
      Node.Obj a = (Node.Obj) n;
      Map<String, List<OutcomeMatrix.Outcome>> stages = new LinkedHashMap<>();
      for (String stage : Kinds.STAGES) {
        stages.put(stage, outcomes(a.list(stage), counts));
      }
      areas.add(
          new OutcomeMatrix.Area(
              a.string("label") != null
                  ? a.string("label")
                  : labels.get("area." + a.string("area")),
              stages,
              mb.object(a)));
    }
    List<StatusView.Count> cs = new ArrayList<>();
    counts.forEach((k, v) -> cs.add(new StatusView.Count(mb.status(Status.ofKey(k)), v)));
    return new OutcomeMatrix.Matrix(
        mb.object(d.root()),
        areas,
        Kinds.STAGES.stream()
            .map(s -> new OutcomeMatrix.Stage(s, labels.get("stage." + s)))
            .toList(),
        cs);
  }

  private List<OutcomeMatrix.Outcome> outcomes(List<Node> list, Map<String, Integer> counts) {
    List<OutcomeMatrix.Outcome> out = new ArrayList<>();
    for (Node n : list) {
      Node.Obj o = (Node.Obj) n;
      StatusView status = null;
      if (o.string("status") != null) {
        status = mb.status(Status.reported(o));
        counts.merge(o.string("status"), 1, Integer::sum);
      }
      List<OutcomeMatrix.Outcome> items = outcomes(o.list("items"), counts);
      List<String> names =
          o.list("indicators").isEmpty()
              ? null
              : o.list("indicators").stream()
                  .map(i -> titleOf((String) ((Node.Val) i).value()))
                  .toList();
      out.add(new OutcomeMatrix.Outcome(mb.object(o), status, items, names));
    }
    return out;
  }

  // ---- indicators ----------------------------------------------------------------------------

  public Indicators indicatorsPage(Document d) {
    List<Indicator> list = new ArrayList<>();
    for (Node n : d.root().list("indicators")) {
      list.add(indicators.indicator((Node.Obj) n));
    }
    return new Indicators(base(d, d.id()), list);
  }

  // ---- plan, findings, equity analysis -------------------------------------------------------

  public Plan plan(Document d) {
    Page page = base(d, d.id());
    return new Plan(page, meetings(d), gantt(d), ganttAlt(d), actionTables(page.lang()).table(d));
  }

  private ActionTables actionTables(String lang) {
    return new ActionTables(repo, mb, labels, asOf, lang);
  }

  /** The index page: one row per output document. */
  public Index index(
      List<Renderer.Job> jobs, boolean pdf, boolean html, java.util.Set<String> packets) {
    List<Index.Row> rows = new ArrayList<>();
    Map<String, List<Index.Translation>> translations = new LinkedHashMap<>();
    for (Renderer.Job j : jobs) {
      if (j.isTranslation()) {
        Locale l = Locale.forLanguageTag(j.language());
        String name = l.getDisplayName(l);
        translations
            .computeIfAbsent(j.original(), k -> new ArrayList<>())
            .add(
                new Index.Translation(
                    j.language(),
                    name.isEmpty() || name.equals(j.language())
                        ? j.language()
                        : name.substring(0, 1).toUpperCase(l) + name.substring(1),
                    j.title(),
                    pdf ? j.name() + ".pdf" : null,
                    html ? j.name() + ".html" : null));
      }
    }
    for (Renderer.Job j : jobs) {
      if (j.isTranslation()) {
        continue;
      }
      Document d = j.source();
      List<Index.Packet> ps = null;
      if (j.template().equals("memo.ftlx")) {
        ps = new ArrayList<>();
        List<String> files = Renderer.packetFiles(d.id());
        for (int i = 0; i < files.size(); i++) {
          if (packets.contains(files.get(i))) {
            ps.add(
                new Index.Packet(
                    labels.get(i == 0 ? "index.packet" : "index.supplemental-packet"),
                    files.get(i)));
          }
        }
      }
      Document plan = planOf(d);
      rows.add(
          new Index.Row(
              j.name(),
              j.title(),
              labels.get(DocumentKinds.outputOf(j.template()).label()),
              pdf ? j.name() + ".pdf" : null,
              html ? j.name() + ".html" : null,
              detail(d, j),
              translations.get(j.name()),
              ps,
              plan != null
                  ? plan.root().string("jurisdiction")
                  : d.kindName().equals("agenda-item")
                      ? d.root().obj("committee").string("jurisdiction")
                      : ""));
    }
    return new Index("en", mb.date(asOf), generator, rows);
  }

  private String detail(Document d, Renderer.Job j) {
    switch (j.template()) {
      case "memo.ftlx" -> {
        Node.Obj meeting = d.root().obj("meeting");
        return labels.get(
            "index.memo",
            d.root().obj("committee").string("name"),
            Dates.text(
                new When(
                    When.Precision.DAY, meeting.value("date"), meeting.value("date"), true, ""),
                labels.locale(),
                ""),
            d.root().string("file_id"));
      }
      case "timeline.ftlx", "progress.ftlx" -> {
        int total = 0;
        int done = 0;
        int late = 0;
        List<Node.Obj> entries =
            j.template().equals("timeline.ftlx")
                ? d.root().list("entries").stream().map(n -> (Node.Obj) n).toList()
                : repo.milestonesOf(d.id());
        int unreported = 0;
        for (Node.Obj e : entries) {
          total++;
          done += Status.reported(e) == Status.DONE ? 1 : 0;
          late += Status.overdue(e, asOf) ? 1 : 0;
          unreported += Status.pastWithoutStatus(e, asOf) ? 1 : 0;
        }
        if (total == 0) {
          return labels.get("progress.no-milestones");
        }
        String line = labels.get("index.milestones", total, done, late);
        return unreported == 0
            ? line
            : line + "; " + labels.get("status.past-without-status", unreported);
      }
      default -> {
        String j2 = d.root().string("jurisdiction");
        return j2 == null ? "" : j2;
      }
    }
  }

  /**
   * A Racial Equity Tool worksheet: the document, plus every indicator it names (community
   * indicators, performance measures, accountability) with its figures and charts, once each in the
   * order first named, and the name of the team of each implementation step.
   */
  public EquityAnalysis equityAnalysis(Document d) {
    List<String> ids = new ArrayList<>();
    for (String f : List.of("community_indicators", "performance_measures")) {
      for (Node n : d.root().list(f)) {
        String id = ((Node.Obj) n).string("indicator");
        if (id != null && !ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    Node.Obj acc = d.root().obj("accountability");
    if (acc != null) {
      for (Node n : acc.list("indicators")) {
        String id = String.valueOf(((Node.Val) n).value());
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    List<Indicator> inds = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String id : ids) {
      Repository.Definition def = repo.find(id);
      Node.Obj o = def == null ? null : def.node();
      if (o != null && o.type().name().equals("indicator")) {
        inds.add(indicators.indicator(o).numbered(inds.size() + 1));
        names.put(id, o.string("name"));
      }
    }
    Node.Obj impl = d.root().obj("implementation");
    List<EquityAnalysis.Step> steps = new ArrayList<>();
    if (impl != null) {
      for (Node n : impl.list("steps")) {
        Node.Obj st = (Node.Obj) n;
        steps.add(
            new EquityAnalysis.Step(
                mb.object(st), st.string("team") == null ? null : titleOf(st.string("team"))));
      }
    }
    return new EquityAnalysis(base(d, d.id()), inds, names, steps);
  }

  /** A document whose template needs only what every page has (findings). */
  public Page simple(Document d) {
    return base(d, d.id());
  }
}
