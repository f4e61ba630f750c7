package org.reap.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.Status;
import org.reap.model.When;
import org.reap.render.Text;

/**
 * Milestones and indicators as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read
 * accents).
 *
 * <p>A text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a leading {@code '} (OWASP, "CSV Injection"), so a spreadsheet shows it as text
 * instead of running it as a formula ({@code =HYPERLINK(...)}, {@code =cmd|...}). Numbers (an
 * indicator's value, which may be negative) are written as they are.
 */
public final class Spreadsheets {
  private Spreadsheets() {}

  private static final String BOM = "\uFEFF";

  public static String milestones(Repository repo, LocalDate asOf) {
    CSVFormat f =
        CSVFormat.RFC4180
            .builder()
            .setHeader(
                "document",
                "id",
                "month",
                "date",
                "start",
                "end",
                "title",
                "owner",
                "team",
                "deliverable",
                "partnership",
                "status",
                "completed",
                "overdue_as_of_" + asOf,
                "notes")
            .build();
    StringWriter w = new StringWriter();
    w.write(BOM);
    try (CSVPrinter p = new CSVPrinter(w, f)) {
      for (Document d : repo.ofKind("milestones")) {
        for (Node n : d.root().list("entries")) {
          Node.Obj e = (Node.Obj) n;
          When date = e.value("date");
          p.printRecord(
              text(d.id()),
              text(e.string("id")),
              text(e.string("month")),
              date == null ? "" : text(date.raw()),
              date == null || date.isTbd() || !date.yearKnown() ? "" : date.start().toString(),
              date == null || date.isTbd() || !date.yearKnown() ? "" : date.end().toString(),
              text(Text.plain(e.string("title"))),
              text(e.string("owner")),
              text(e.string("team")),
              text(e.string("deliverable")),
              Boolean.TRUE.equals(e.value("partnership")) ? "yes" : "no",
              text(Status.reported(e).key()),
              text(e.string("completed")),
              Status.overdue(e, asOf) ? "yes" : "no",
              e.string("notes") == null ? "" : text(Text.plain(e.string("notes"))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  public static String indicators(Repository repo) {
    CSVFormat f =
        CSVFormat.RFC4180
            .builder()
            .setHeader(
                "document",
                "indicator",
                "name",
                "unit",
                "polarity",
                "measure",
                "date",
                "group",
                "value",
                "source")
            .build();
    StringWriter w = new StringWriter();
    w.write(BOM);
    try (CSVPrinter p = new CSVPrinter(w, f)) {
      for (Document d : repo.ofKind("indicators")) {
        for (Node n : d.root().list("indicators")) {
          Node.Obj ind = (Node.Obj) n;
          Node.Obj base = ind.obj("baseline");
          if (base != null) {
            measure(p, d, ind, "baseline", base);
          }
          for (Node o : ind.list("observations")) {
            measure(p, d, ind, "observation", (Node.Obj) o);
          }
          Node.Obj target = ind.obj("target");
          if (target != null) {
            measure(p, d, ind, "target", target);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void measure(CSVPrinter p, Document d, Node.Obj ind, String kind, Node.Obj m)
      throws IOException {
    List<Object> head =
        List.of(
            text(d.id()),
            text(ind.string("id")),
            text(ind.string("name")),
            text(ind.string("unit")),
            text(ind.string("polarity")),
            kind,
            text(m.string("date")));
    BigDecimal v = m.value("value");
    if (v != null) {
      p.printRecord(concat(head, "", v.toPlainString(), text(ind.string("source"))));
    } else if (m.string("text") != null) {
      p.printRecord(
          concat(
              head, "", text(m.string("text")), text(ind.string("source")))); // a qualitative value
    }
    if (m.fields().get("groups") instanceof Node.Dict groups) {
      for (var g : groups.entries().entrySet()) {
        p.printRecord(
            concat(
                head,
                text(g.getKey()),
                ((BigDecimal) ((Node.Val) g.getValue()).value()).toPlainString(),
                text(ind.string("source"))));
      }
    }
    // breakdown cells: the group column names each dimension ("race: Black, gender: Women")
    for (org.reap.model.Breakdown.Cell c : org.reap.model.Breakdown.breakdownCells(m)) {
      StringBuilder g = new StringBuilder();
      c.by()
          .forEach(
              (k, val) -> g.append(g.isEmpty() ? "" : ", ").append(k).append(": ").append(val));
      p.printRecord(
          concat(head, text(g.toString()), c.value().toPlainString(), text(ind.string("source"))));
    }
  }

  private static List<Object> concat(List<Object> head, Object... more) {
    List<Object> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(more));
    return all;
  }

  /**
   * A text cell, neutralised when a spreadsheet would read it as a formula (see the class comment).
   */
  static String text(String v) {
    if (v == null || v.isEmpty()) {
      return "";
    }
    char c = v.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + v : v;
  }
}
