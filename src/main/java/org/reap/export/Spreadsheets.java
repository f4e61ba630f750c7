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
import org.reap.model.When;
import org.reap.render.Status;
import org.reap.render.Text;

/** Milestones and indicators as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read accents). */
public final class Spreadsheets {
  private Spreadsheets() {}

  private static final String BOM = "\uFEFF";

  public static String milestones(Repository repo, LocalDate asOf) {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader("document", "id", "month", "date", "start", "end", "title", "owner", "team", "deliverable", "partnership", "status", "completed", "overdue_as_of_" + asOf, "notes").build();
    StringWriter w = new StringWriter();
    w.write(BOM);
    try (CSVPrinter p = new CSVPrinter(w, f)) {
      for (Document d : repo.ofKind("milestones")) {
        for (Node n : d.root().list("entries")) {
          Node.Obj e = (Node.Obj) n;
          When date = e.value("date");
          p.printRecord(
              d.id(),
              s(e.string("id")),
              s(e.string("month")),
              date == null ? "" : date.raw(),
              date == null || date.isTbd() || !date.yearKnown() ? "" : date.start().toString(),
              date == null || date.isTbd() || !date.yearKnown() ? "" : date.end().toString(),
              Text.plain(e.string("title")),
              s(e.string("owner")),
              s(e.string("team")),
              s(e.string("deliverable")),
              Boolean.TRUE.equals(e.value("partnership")) ? "yes" : "no",
              Status.of(e),
              s(e.string("completed")),
              Status.overdue(e, "date", asOf) ? "yes" : "no",
              e.string("notes") == null ? "" : Text.plain(e.string("notes")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  public static String indicators(Repository repo) {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader("document", "indicator", "name", "unit", "polarity", "measure", "date", "group", "value", "source").build();
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

  private static void measure(CSVPrinter p, Document d, Node.Obj ind, String kind, Node.Obj m) throws IOException {
    List<Object> head = List.of(d.id(), ind.string("id"), ind.string("name"), s(ind.string("unit")), s(ind.string("polarity")), kind, s(m.string("date")));
    BigDecimal v = m.value("value");
    if (v != null) {
      p.printRecord(concat(head, "", v.toPlainString(), s(ind.string("source"))));
    } else if (m.string("text") != null) {
      p.printRecord(concat(head, "", m.string("text"), s(ind.string("source")))); // a qualitative value
    }
    if (m.fields().get("groups") instanceof Node.Dict groups) {
      for (var g : groups.entries().entrySet()) {
        p.printRecord(concat(head, g.getKey(), ((BigDecimal) ((Node.Val) g.getValue()).value()).toPlainString(), s(ind.string("source"))));
      }
    }
    // breakdown cells: the group column names each dimension ("race: Black, gender: Women")
    for (org.reap.model.Breakdown.Cell c : org.reap.model.Breakdown.breakdownCells(m)) {
      StringBuilder g = new StringBuilder();
      c.by().forEach((k, val) -> g.append(g.isEmpty() ? "" : ", ").append(k).append(": ").append(val));
      p.printRecord(concat(head, g.toString(), c.value().toPlainString(), s(ind.string("source"))));
    }
  }

  private static List<Object> concat(List<Object> head, Object... more) {
    List<Object> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(more));
    return all;
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }
}
