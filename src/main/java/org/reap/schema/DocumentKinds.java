package org.reap.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One definition per document kind: its schema ({@link Kinds}), the outputs it makes with their
 * templates and labels, the name and skeleton {@code reap new} uses, and the templates every kind
 * shares. The renderer, {@code reap templates}, {@code reap new}, the template engine's list of
 * defaults and the tests all read this; nothing else lists kinds or templates.
 *
 * <p>Adding a kind: its schema in {@link Kinds}, an entry here, its template(s) in templates/, its
 * labels ("kind.NAME") in reap/labels; and its view: a record in render.view, built in
 * render.Views.
 */
public final class DocumentKinds {
  private DocumentKinds() {}

  /** Which command makes an output. */
  public enum MadeBy {
    /** {@code reap render}: one output per document (and per language). */
    RENDER,
    /** {@code reap packet}: the packet of an agenda item, cover sheets filled from the template. */
    PACKET
  }

  /**
   * One output of a kind. {@code id} names the view that fills it; {@code suffix} is added to the
   * document id to name the file ("" or "-progress"); {@code label} is the label key of what it is
   * ("kind.progress"); {@code titlePrefix}, when not null, is the label key put before the
   * document's title ("Progress report: …"); {@code makes} says what it is, for docs and {@code
   * reap templates list}.
   */
  public record Output(
      String id,
      String template,
      String suffix,
      String label,
      String titlePrefix,
      MadeBy madeBy,
      String makes) {}

  /**
   * A document kind. {@code newName} is what {@code reap new} calls it ("memo" for agenda-item);
   * {@code skeleton} is the body {@code reap new} writes after the header, with {ID}, {YEAR} and
   * {DATE} filled in.
   */
  public record DocumentKind(
      String name, String newName, String label, List<Output> outputs, String skeleton) {
    public DocumentKind {
      outputs = List.copyOf(outputs);
    }

    /** The schema of this kind. */
    public Kinds.Kind schema() {
      return Kinds.get(name);
    }

    /** The outputs {@code reap render} makes, in order. */
    public List<Output> rendered() {
      return outputs.stream().filter(o -> o.madeBy() == MadeBy.RENDER).toList();
    }

    /** The output with this id, or null. */
    public Output output(String id) {
      return outputs.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }
  }

  /** A template no single kind owns. */
  public record Shared(String template, String makes) {}

  private static final Map<String, DocumentKind> KINDS = new LinkedHashMap<>();

  /** Templates every kind shares, after the kinds' own in {@link #templates()}. */
  public static final List<Shared> SHARED =
      List.of(
          new Shared(
              "index.ftlx",
              "the list of documents (index.html) that `reap render` writes beside them"),
          new Shared(
              "lib/actions.ftlx",
              "the action table: a plan's actions as rows under their goal and objective, with the columns the settings file chooses"),
          new Shared(
              "lib/layout.ftlx",
              "shared macros: the page (head, stylesheet, running header and footer, \"Page X of Y\"), statuses, statements, people, charts, tables"),
          new Shared("lib/style.css", "the stylesheet, included inline in every document"));

  private static Output render(
      String id, String template, String suffix, String label, String titlePrefix, String makes) {
    return new Output(id, template, suffix, label, titlePrefix, MadeBy.RENDER, makes);
  }

  private static void add(DocumentKind k) {
    KINDS.put(k.name(), k);
  }

  static {
    add(
        new DocumentKind(
            "agenda-item",
            "memo",
            "kind.agenda-item",
            List.of(
                render(
                    "memo",
                    "memo.ftlx",
                    "",
                    "kind.agenda-item",
                    null,
                    "the committee staff report of an agenda item"),
                new Output(
                    "packet-cover",
                    "packet-cover.ftlx",
                    "-packet",
                    "packet.title",
                    null,
                    MadeBy.PACKET,
                    "the cover sheets and contents page of an agenda item's packet (`reap packet`)")),
            "committee:\n  name: Replace with the committee\n  jurisdiction: Replace with the city or county\nmeeting:\n  date: {DATE}\nitem:\n  type: Discussion Item\n  number: \"1\"\nfile_id: Replace with the clerk's file ID\nrecommendation: Replace with the recommendation.\ncontact:\n  name: Replace with the contact\nattachments:\n  - number: \"1\"\n    title: Description/Analysis\n    in_memo: yes\nsections:\n  - type: issue-detail\n    text: Replace with the issue detail.\n"));
    add(
        new DocumentKind(
            "milestones",
            "milestones",
            "kind.milestones",
            List.of(
                render(
                    "timeline",
                    "timeline.ftlx",
                    "",
                    "kind.milestones",
                    null,
                    "a milestones file as the month-by-month table, and the deliverables chart")),
            "entries:\n  - date: TBD\n    title: Replace with the first milestone\n"));
    add(
        new DocumentKind(
            "plan",
            "plan",
            "kind.plan",
            List.of(
                render("plan", "plan.ftlx", "", "kind.plan", null, "a plan as a document"),
                render(
                    "progress",
                    "progress.ftlx",
                    "-progress",
                    "kind.progress",
                    "progress.title",
                    "a plan's progress report on the as-of date")),
            "jurisdiction: Replace with the city or county\nperiod:\n  when: {YEAR}\ngoals: []\n"));
    add(
        new DocumentKind(
            "outcome-matrix",
            "outcome-matrix",
            "kind.outcome-matrix",
            List.of(
                render(
                    "outcome-matrix",
                    "outcome-matrix.ftlx",
                    "",
                    "kind.outcome-matrix",
                    null,
                    "an outcome matrix on its own")),
            "areas:\n  - area: normalize\n  - area: organize\n  - area: operationalize\n"));
    add(
        new DocumentKind(
            "findings",
            "findings",
            "kind.findings",
            List.of(
                render(
                    "findings",
                    "findings.ftlx",
                    "",
                    "kind.findings",
                    null,
                    "an engagement summary (\"What We Heard\") on its own")),
            "questions:\n  - heading: Replace with the question\n    themes:\n      - title: Replace with a theme\n        statements:\n          - Replace with what was said\n"));
    add(
        new DocumentKind(
            "equity-analysis",
            "equity-analysis",
            "kind.equity-analysis",
            List.of(
                render(
                    "equity-analysis",
                    "equity-analysis.ftlx",
                    "",
                    "kind.equity-analysis",
                    null,
                    "a racial equity analysis on its own")),
            "proposal:\n  title: Replace with the proposal\n  type: policy\n"));
    add(
        new DocumentKind(
            "indicators",
            "indicators",
            "kind.indicators",
            List.of(
                render(
                    "indicators",
                    "indicators.ftlx",
                    "",
                    "kind.indicators",
                    null,
                    "indicators with their charts and tables of figures")),
            "indicators:\n  - id: {ID}-1\n    name: Replace with what is measured\n    unit: percent\n    polarity: higher-is-better\n"));
  }

  /** Every kind, in the order outputs are listed. */
  public static List<DocumentKind> all() {
    return List.copyOf(KINDS.values());
  }

  /** The kind named {@code name}, or null. */
  public static DocumentKind get(String name) {
    return KINDS.get(name);
  }

  /** The kind {@code reap new} calls {@code newName} ("memo"), or null. */
  public static DocumentKind byNewName(String newName) {
    return KINDS.values().stream()
        .filter(k -> k.newName().equals(newName))
        .findFirst()
        .orElse(null);
  }

  /** The output filled from {@code template}, or null for a shared template. */
  public static Output outputOf(String template) {
    for (DocumentKind k : KINDS.values()) {
      for (Output o : k.outputs()) {
        if (o.template().equals(template)) {
          return o;
        }
      }
    }
    return null;
  }

  /** Every default template, each once: the kinds' own in kind order, then the shared ones. */
  public static List<String> templates() {
    List<String> out = new ArrayList<>();
    for (DocumentKind k : KINDS.values()) {
      for (Output o : k.outputs()) {
        if (!out.contains(o.template())) {
          out.add(o.template());
        }
      }
    }
    SHARED.forEach(s -> out.add(s.template()));
    return List.copyOf(out);
  }

  /** The table of templates in docs/templates.md: each default template and what it makes. */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| template | makes |\n|---|---|\n");
    for (String t : templates()) {
      sb.append("| `").append(t).append("` | ").append(makes(t)).append(" |\n");
    }
    return sb.toString();
  }

  /** What the default template {@code template} makes, or null when there is none by that name. */
  public static String makes(String template) {
    Output o = outputOf(template);
    if (o != null) {
      return o.makes();
    }
    return SHARED.stream()
        .filter(s -> s.template().equals(template))
        .map(Shared::makes)
        .findFirst()
        .orElse(null);
  }
}
