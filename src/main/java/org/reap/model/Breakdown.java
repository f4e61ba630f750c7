package org.reap.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reap.source.Span;

/**
 * An indicator's breakdowns read from its checked tree: the dimensions it declares and, for each
 * measure, its values by group. The race/ethnicity {@code groups} of schema version 1 are cells of
 * the dimension {@link #RACE}, so old files and new ones are read the same way.
 */
public final class Breakdown {
  /** The key the v1 {@code groups} field stands for. */
  public static final String RACE = "race";

  /** A declared dimension (or the race/ethnicity one the {@code groups} field implies). */
  public record Dimension(
      String key, String label, List<String> values, boolean addsUp, Span span, boolean declared) {}

  /**
   * One value for one combination of groups. {@code by} keeps the order written; {@code span} is
   * the cell's position (the value's position for a v1 group); {@code keySpans} says where each
   * dimension is named and {@code groupSpans} where each group is.
   */
  public record Cell(
      Map<String, String> by,
      BigDecimal value,
      Span span,
      Map<String, Span> keySpans,
      Map<String, Span> groupSpans) {
    /** The dimension keys, in the indicator's order of dimensions. */
    public List<String> keys(List<Dimension> order) {
      List<String> out = new ArrayList<>();
      for (Dimension d : order) {
        if (by.containsKey(d.key())) {
          out.add(d.key());
        }
      }
      for (String k : by.keySet()) {
        if (!out.contains(k)) {
          out.add(k);
        }
      }
      return out;
    }
  }

  private Breakdown() {}

  /**
   * The dimensions an indicator declares (each key once, as first declared), plus race/ethnicity
   * where it uses {@code groups} without declaring it.
   */
  public static List<Dimension> dimensions(Node.Obj indicator) {
    List<Dimension> out = new ArrayList<>();
    for (Node n : indicator.list("dimensions")) {
      Node.Obj d = (Node.Obj) n;
      if (d.string("key") == null || dimension(out, d.string("key")) != null) {
        continue; // a second declaration of a key is reported by indicator.breakdown; the first
        // counts
      }
      List<String> values =
          d.list("values").stream().map(v -> String.valueOf(((Node.Val) v).value())).toList();
      String label = d.string("label");
      out.add(
          new Dimension(
              d.string("key"),
              label == null ? d.string("key") : label,
              values,
              Boolean.TRUE.equals(d.value("adds_up")),
              d.span(),
              true));
    }
    if (out.stream().noneMatch(d -> RACE.equals(d.key())) && usesGroups(indicator)) {
      out.add(0, new Dimension(RACE, null, List.of(), false, indicator.span(), false));
    }
    return out;
  }

  private static boolean usesGroups(Node.Obj indicator) {
    for (Node.Obj m : measures(indicator)) {
      if (m.fields().get("groups") instanceof Node.Dict) {
        return true;
      }
    }
    return false;
  }

  public static Dimension dimension(List<Dimension> dims, String key) {
    for (Dimension d : dims) {
      if (d.key().equals(key)) {
        return d;
      }
    }
    return null;
  }

  /** Baseline, target and observations, in that order. */
  public static List<Node.Obj> measures(Node.Obj indicator) {
    List<Node.Obj> out = new ArrayList<>();
    if (indicator.obj("baseline") != null) {
      out.add(indicator.obj("baseline"));
    }
    if (indicator.obj("target") != null) {
      out.add(indicator.obj("target"));
    }
    for (Node n : indicator.list("observations")) {
      out.add((Node.Obj) n);
    }
    return out;
  }

  /**
   * A measure's values by group: its v1 {@code groups} first (as race), then its {@code breakdown}.
   */
  public static List<Cell> cells(Node.Obj measure) {
    List<Cell> out = new ArrayList<>(groupCells(measure));
    out.addAll(breakdownCells(measure));
    return out;
  }

  /** A measure's v1 {@code groups}, as cells of the dimension race. */
  public static List<Cell> groupCells(Node.Obj measure) {
    List<Cell> out = new ArrayList<>();
    if (measure.fields().get("groups") instanceof Node.Dict dict) {
      dict.entries()
          .forEach(
              (name, v) -> {
                if (v instanceof Node.Val val && val.value() instanceof BigDecimal b) {
                  out.add(
                      new Cell(
                          Map.of(RACE, name),
                          b,
                          v.span(),
                          Map.of(RACE, dict.keySpan(name)),
                          Map.of(RACE, dict.keySpan(name))));
                }
              });
    }
    return out;
  }

  /** A measure's {@code breakdown} cells (those with a value and at least one group). */
  public static List<Cell> breakdownCells(Node.Obj measure) {
    List<Cell> out = new ArrayList<>();
    for (Node n : measure.list("breakdown")) {
      Node.Obj c = (Node.Obj) n;
      BigDecimal v = c.value("value");
      if (v == null || !(c.fields().get("by") instanceof Node.Dict by)) {
        continue;
      }
      Map<String, String> m = new LinkedHashMap<>();
      Map<String, Span> keys = new LinkedHashMap<>();
      Map<String, Span> groups = new LinkedHashMap<>();
      by.entries()
          .forEach(
              (k, g) -> {
                if (g instanceof Node.Val gv && gv.value() != null) {
                  m.put(k, String.valueOf(gv.value()));
                  keys.put(k, by.keySpan(k));
                  groups.put(k, g.span());
                }
              });
      if (!m.isEmpty()) {
        out.add(new Cell(m, v, c.span(), keys, groups));
      }
    }
    return out;
  }

  /** "race × gender" style name of a set of dimensions. */
  public static String join(List<String> parts) {
    return String.join(" \u00d7 ", parts);
  }
}
