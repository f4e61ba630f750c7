package org.reap.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reap.model.Breakdown;
import org.reap.model.Node;
import org.reap.model.When;
import org.reap.render.view.Indicator;

/**
 * The indicator part of the views: one indicator's latest value, change and progress to target, its
 * measures as rows, and its charts, tables and cross-tabulations by the dimensions it declares.
 * {@link Views} builds indicator pages, plans and equity analyses with it.
 */
final class IndicatorViews {
  private final ModelBuilder mb;
  private final Labels labels;

  IndicatorViews(ModelBuilder mb, Labels labels) {
    this.mb = mb;
    this.labels = labels;
  }

  Indicator indicator(Node.Obj ind) {
    Node.Obj base = ind.obj("baseline");
    Node.Obj target = ind.obj("target");
    Node.Obj latest = null;
    for (Node o : ind.list("observations")) {
      Node.Obj ob = (Node.Obj) o;
      if (ob.has("value")) {
        latest = ob;
      }
    }
    if (latest == null && ind.string("unit") == null) {
      // a qualitative indicator: the latest value in words
      for (Node o : ind.list("observations")) {
        if (((Node.Obj) o).has("text")) {
          latest = (Node.Obj) o;
        }
      }
    }
    Map<String, Object> latestModel = latest == null ? null : mb.object(latest);
    BigDecimal b = base == null ? null : base.value("value");
    BigDecimal t = target == null ? null : target.value("value");
    BigDecimal l = latest == null ? null : latest.value("value");
    boolean higher = "higher-is-better".equals(ind.string("polarity"));
    String direction = "unknown";
    String change = null;
    if (b != null && l != null) {
      int c = l.compareTo(b);
      direction = c == 0 ? "unchanged" : (c > 0) == higher ? "improving" : "worsening";
      change = l.subtract(b).stripTrailingZeros().toPlainString();
    }
    String directionSymbol =
        switch (direction) {
          case "improving" -> higher ? "\u25B2" : "\u25BC";
          case "worsening" -> higher ? "\u25BC" : "\u25B2";
          case "unchanged" -> "=";
          default -> "";
        };
    Integer progressToTarget = null;
    if (b != null && t != null && l != null && t.compareTo(b) != 0) {
      BigDecimal pct =
          l.subtract(b)
              .multiply(BigDecimal.valueOf(100))
              .divide(t.subtract(b), 0, RoundingMode.HALF_UP);
      progressToTarget = pct.intValue();
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
      series.add(
          new Charts.Series(
              labels.get("indicator.everyone"),
              points.stream().map(p -> (BigDecimal) p.value("value")).toList()));
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
    List<Breakdown.Dimension> dims = Breakdown.dimensions(ind);
    boolean onlyRace = dims.isEmpty() || dims.size() == 1 && !dims.get(0).declared();
    boolean qualitative = ind.string("unit") == null;
    List<Indicator.Measure> measures = measureRows(ind);
    String directionLabel = labels.get("direction." + direction);
    if (!onlyRace) {
      // several dimensions, or declared ones: small multiples, a table per breakdown, cross-tabs
      Breakdowns bd = breakdowns(ind, dims, points, categories, t, target);
      return new Indicator(
          mb.object(ind),
          null,
          latestModel,
          change,
          direction,
          directionLabel,
          directionSymbol,
          progressToTarget,
          qualitative,
          measures,
          groupNames,
          null,
          null,
          null,
          null,
          bd.charts(),
          bd.tables(),
          bd.crosstabs(),
          bd.dimensionNames());
    }
    String chart = null;
    List<String> chartCategories = null;
    List<Indicator.Series> rows = null;
    String chartAlt = null;
    if (!categories.isEmpty() && !series.isEmpty()) {
      String targetLabel =
          target == null
              ? null
              : labels.get(
                  "indicator.target-label",
                  target.value("date") == null
                      ? ""
                      : Dates.text(
                          (When) target.value("date"), labels.locale(), labels.get("date.tbd")));
      chart =
          Charts.line(
              ind.string("name"),
              labels.get("indicator.date"),
              ind.string("unit"),
              categories,
              series,
              t,
              targetLabel);
      chartCategories = categories;
      rows =
          series.stream()
              .map(
                  s ->
                      new Indicator.Series(
                          s.name(), s.values().stream().map(IndicatorViews::num).toList(), null))
              .toList();
      chartAlt =
          labels.get(
              "indicator.chart-alt",
              ind.string("name"),
              categories.get(0),
              categories.get(categories.size() - 1),
              chartFinding(series.get(0), categories));
    }
    return new Indicator(
        mb.object(ind),
        null,
        latestModel,
        change,
        direction,
        directionLabel,
        directionSymbol,
        progressToTarget,
        qualitative,
        measures,
        groupNames,
        chart,
        chartCategories,
        rows,
        chartAlt,
        null,
        null,
        null,
        null);
  }

  /** An indicator's charts and tables by its declared dimensions. */
  private record Breakdowns(
      List<Indicator.Chart> charts,
      List<Indicator.Table> tables,
      List<Indicator.Crosstab> crosstabs,
      List<String> dimensionNames) {}

  /** The key finding of a line chart in numbers: the first series' first and last values. */
  private String chartFinding(Charts.Series series, List<String> categories) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < series.values().size(); i++) {
      if (series.values().get(i) != null) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      return series.name();
    }
    String v0 = series.values().get(first).stripTrailingZeros().toPlainString();
    String v1 = series.values().get(last).stripTrailingZeros().toPlainString();
    return labels.get(
        "indicator.chart-finding",
        series.name(),
        v0,
        categories.get(first),
        v1,
        categories.get(last));
  }

  /** Baseline, target and observations as rows: date, value (or the value in words), note. */
  private List<Indicator.Measure> measureRows(Node.Obj ind) {
    List<Indicator.Measure> rows = new ArrayList<>();
    List<Node.Obj> ms = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    if (ind.obj("baseline") != null) {
      ms.add(ind.obj("baseline"));
      roles.add(labels.get("indicator.baseline"));
    }
    for (Node o : ind.list("observations")) {
      ms.add((Node.Obj) o);
      roles.add("");
    }
    if (ind.obj("target") != null) {
      ms.add(ind.obj("target"));
      roles.add(labels.get("indicator.target"));
    }
    for (int k = 0; k < ms.size(); k++) {
      Node.Obj m = ms.get(k);
      When w = m.value("date");
      BigDecimal v = m.value("value");
      rows.add(
          new Indicator.Measure(
              roles.get(k),
              w == null ? "" : Dates.text(w, labels.locale(), labels.get("date.tbd")),
              v == null ? "" : v.stripTrailingZeros().toPlainString(),
              m.value("text") == null ? "" : m.string("text"),
              m.value("note") == null ? "" : m.string("note")));
    }
    return rows;
  }

  private static String num(BigDecimal v) {
    return v == null ? "\u2014" : v.stripTrailingZeros().toPlainString();
  }

  private String dimLabel(Breakdown.Dimension d) {
    return d.label() == null ? labels.get("indicator.race") : d.label();
  }

  /**
   * Charts and tables for an indicator broken down by declared dimensions. Each set of dimensions
   * the measures use (race; gender; race × gender) gets a table over time; a single dimension gets
   * one chart with everyone and each group; several get one chart per group of the last dimension
   * (small multiples, "Women", "Men"), and two get a cross-tabulation of the latest measure that
   * has them, with totals where the measures give them.
   */
  private Breakdowns breakdowns(
      Node.Obj ind,
      List<Breakdown.Dimension> dims,
      List<Node.Obj> points,
      List<String> categories,
      BigDecimal target,
      Node.Obj targetNode) {
    List<List<Breakdown.Cell>> cellsAt = new ArrayList<>();
    java.util.Set<List<String>> found = new java.util.LinkedHashSet<>();
    for (Node.Obj p : points) {
      List<Breakdown.Cell> cs = new ArrayList<>();
      for (Breakdown.Cell c : Breakdown.cells(p)) {
        if (c.keys(dims).stream().allMatch(k -> Breakdown.dimension(dims, k) != null)) {
          cs.add(c);
          found.add(c.keys(dims));
        }
      }
      cellsAt.add(cs);
    }
    List<List<String>> sets = new ArrayList<>(found);
    sets.sort(
        java.util.Comparator.comparingInt((List<String> l) -> l.size())
            .thenComparing(l -> dims.indexOf(Breakdown.dimension(dims, l.get(0)))));
    String targetLabel =
        targetNode == null
            ? null
            : labels.get(
                "indicator.target-label",
                targetNode.value("date") == null
                    ? ""
                    : Dates.text(
                        (When) targetNode.value("date"), labels.locale(), labels.get("date.tbd")));
    String unit = ind.string("unit") == null ? "" : ind.string("unit");
    List<Indicator.Chart> charts = new ArrayList<>();
    List<Indicator.Table> tables = new ArrayList<>();
    List<Indicator.Crosstab> crosstabs = new ArrayList<>();
    boolean anyTotal = points.stream().anyMatch(p -> p.has("value"));
    if (sets.isEmpty() && anyTotal && !categories.isEmpty()) {
      Charts.Series everyone =
          new Charts.Series(
              labels.get("indicator.everyone"),
              points.stream().map(p -> (BigDecimal) p.value("value")).toList());
      addChart(
          charts,
          ind.string("name"),
          categories,
          List.of(everyone),
          unit,
          target,
          targetLabel,
          ind.string("name"));
      tables.add(
          table(
              ind.string("name") + (unit.isEmpty() ? "" : " (" + unit + ")"),
              labels.get("indicator.group"),
              categories,
              List.of(everyone)));
    }
    for (List<String> set : sets) {
      List<Breakdown.Dimension> sd = set.stream().map(k -> Breakdown.dimension(dims, k)).toList();
      String setName = Breakdown.join(sd.stream().map(this::dimLabel).toList());
      // the combinations, in the declared order of each dimension's groups
      List<Map<String, String>> combos = new ArrayList<>();
      for (List<Breakdown.Cell> cs : cellsAt) {
        for (Breakdown.Cell c : cs) {
          if (c.keys(dims).equals(set) && !combos.contains(c.by())) {
            combos.add(c.by());
          }
        }
      }
      combos.sort(java.util.Comparator.comparing((Map<String, String> c) -> order(c, sd)));
      List<Charts.Series> rows = new ArrayList<>();
      for (Map<String, String> combo : combos) {
        rows.add(
            new Charts.Series(
                Breakdown.join(set.stream().map(combo::get).toList()),
                valuesOf(combo, set, cellsAt, dims)));
      }
      List<Charts.Series> tableRows = new ArrayList<>();
      if (set.size() == 1 && anyTotal) {
        tableRows.add(
            new Charts.Series(
                labels.get("indicator.everyone"),
                points.stream().map(p -> (BigDecimal) p.value("value")).toList()));
      }
      tableRows.addAll(rows);
      tables.add(
          table(
              labels.get("indicator.by", ind.string("name"), setName)
                  + (unit.isEmpty() ? "" : " (" + unit + ")"),
              setName,
              categories,
              tableRows));
      if (set.size() == 1) {
        addChart(
            charts,
            labels.get("indicator.by-dimension", setName),
            categories,
            tableRows,
            unit,
            target,
            targetLabel,
            labels.get("indicator.by", ind.string("name"), setName));
      } else {
        // small multiples: one chart per group of the last dimension
        String facet = set.get(set.size() - 1);
        List<String> inner = set.subList(0, set.size() - 1);
        List<String> facetValues = new ArrayList<>();
        for (Map<String, String> combo : combos) {
          if (!facetValues.contains(combo.get(facet))) {
            facetValues.add(combo.get(facet));
          }
        }
        if (facetValues.size() <= MAX_MULTIPLES) {
          // one scale for all the charts of this breakdown, so the groups can be compared across
          // them
          BigDecimal yMax = null;
          for (Map<String, String> combo : combos) {
            for (BigDecimal v : valuesOf(combo, set, cellsAt, dims)) {
              yMax = v == null || yMax != null && yMax.compareTo(v) >= 0 ? yMax : v;
            }
            for (BigDecimal v :
                valuesOf(Map.of(facet, combo.get(facet)), List.of(facet), cellsAt, dims)) {
              yMax = v == null || yMax != null && yMax.compareTo(v) >= 0 ? yMax : v;
            }
          }
          for (String fv : facetValues) {
            List<Charts.Series> fs = new ArrayList<>();
            // the group's own total first, where the measures give it, so that each group keeps the
            // look it has in the chart of its own dimension (where "Everyone" comes first)
            Map<String, String> margin = Map.of(facet, fv);
            List<BigDecimal> mv = valuesOf(margin, List.of(facet), cellsAt, dims);
            if (mv.stream().anyMatch(java.util.Objects::nonNull)) {
              fs.add(new Charts.Series(fv, mv));
            }
            for (Map<String, String> combo : combos) {
              if (fv.equals(combo.get(facet))) {
                fs.add(
                    new Charts.Series(
                        Breakdown.join(inner.stream().map(combo::get).toList()),
                        valuesOf(combo, set, cellsAt, dims)));
              }
            }
            String title = dimLabel(sd.get(sd.size() - 1)) + ": " + fv;
            addChart(
                charts,
                title,
                categories,
                fs,
                unit,
                null,
                null,
                labels.get(
                        "indicator.by",
                        ind.string("name"),
                        Breakdown.join(
                            sd.subList(0, sd.size() - 1).stream().map(this::dimLabel).toList()))
                    + ", "
                    + title,
                yMax);
          }
        }
        if (set.size() == 2) {
          for (int k = points.size() - 1; k >= 0; k--) {
            final int at = k;
            if (cellsAt.get(k).stream().anyMatch(c -> c.keys(dims).equals(set))) {
              crosstabs.add(
                  crosstab(
                      ind,
                      sd,
                      set,
                      points.get(at),
                      cellsAt.get(at),
                      categories.get(at),
                      unit,
                      dims));
              break;
            }
          }
        }
      }
    }
    return new Breakdowns(charts, tables, crosstabs, dims.stream().map(this::dimLabel).toList());
  }

  /** At most this many charts of one breakdown side by side; more are left to the tables. */
  static final int MAX_MULTIPLES = 8;

  private static String order(Map<String, String> combo, List<Breakdown.Dimension> sd) {
    StringBuilder sb = new StringBuilder();
    for (Breakdown.Dimension d : sd) {
      int i = d.values().indexOf(combo.get(d.key()));
      sb.append(String.format(Locale.ROOT, "%04d", i < 0 ? 9999 : i)).append('/');
    }
    return sb.toString();
  }

  private static List<BigDecimal> valuesOf(
      Map<String, String> combo,
      List<String> set,
      List<List<Breakdown.Cell>> cellsAt,
      List<Breakdown.Dimension> dims) {
    List<BigDecimal> vals = new ArrayList<>();
    for (List<Breakdown.Cell> cs : cellsAt) {
      BigDecimal v = null;
      for (Breakdown.Cell c : cs) {
        if (c.keys(dims).equals(set) && c.by().equals(combo)) {
          v = c.value();
        }
      }
      vals.add(v);
    }
    return vals;
  }

  private void addChart(
      List<Indicator.Chart> charts,
      String title,
      List<String> categories,
      List<Charts.Series> series,
      String unit,
      BigDecimal target,
      String targetLabel,
      String altName) {
    addChart(charts, title, categories, series, unit, target, targetLabel, altName, null);
  }

  private void addChart(
      List<Indicator.Chart> charts,
      String title,
      List<String> categories,
      List<Charts.Series> series,
      String unit,
      BigDecimal target,
      String targetLabel,
      String altName,
      BigDecimal yMax) {
    String spec =
        Charts.line(
            title,
            labels.get("indicator.date"),
            unit,
            categories,
            series,
            target,
            targetLabel,
            yMax);
    if (spec == null) {
      return;
    }
    // the key finding in numbers: each series' first and latest value
    List<String> findings = new ArrayList<>();
    for (Charts.Series one : series) {
      findings.add(chartFinding(one, categories));
    }
    charts.add(
        new Indicator.Chart(
            title,
            spec,
            labels.get(
                "indicator.chart-alt",
                altName,
                categories.get(0),
                categories.get(categories.size() - 1),
                String.join("; ", findings))));
  }

  private static Indicator.Table table(
      String caption, String header, List<String> categories, List<Charts.Series> rows) {
    return new Indicator.Table(
        caption,
        header,
        categories,
        rows.stream()
            .map(
                s ->
                    new Indicator.Series(
                        s.name(), s.values().stream().map(IndicatorViews::num).toList(), null))
            .toList());
  }

  /**
   * Rows: the first dimension's groups; columns: the second's; totals where the measure gives them.
   */
  private Indicator.Crosstab crosstab(
      Node.Obj ind,
      List<Breakdown.Dimension> sd,
      List<String> set,
      Node.Obj point,
      List<Breakdown.Cell> cells,
      String date,
      String unit,
      List<Breakdown.Dimension> dims) {
    String rk = set.get(0);
    String ck = set.get(1);
    List<String> rowsV = new ArrayList<>();
    List<String> colsV = new ArrayList<>();
    Map<String, BigDecimal> cell = new LinkedHashMap<>();
    Map<String, BigDecimal> rowTotal = new LinkedHashMap<>();
    Map<String, BigDecimal> colTotal = new LinkedHashMap<>();
    for (Breakdown.Cell c : cells) {
      List<String> keys = c.keys(dims);
      if (keys.equals(set)) {
        if (!rowsV.contains(c.by().get(rk))) {
          rowsV.add(c.by().get(rk));
        }
        if (!colsV.contains(c.by().get(ck))) {
          colsV.add(c.by().get(ck));
        }
        cell.put(c.by().get(rk) + "\u0000" + c.by().get(ck), c.value());
      } else if (keys.equals(List.of(rk))) {
        rowTotal.put(c.by().get(rk), c.value());
      } else if (keys.equals(List.of(ck))) {
        colTotal.put(c.by().get(ck), c.value());
      }
    }
    rowsV.sort(
        java.util.Comparator.comparingInt(
            v ->
                sd.get(0).values().indexOf(v) < 0
                    ? Integer.MAX_VALUE
                    : sd.get(0).values().indexOf(v)));
    colsV.sort(
        java.util.Comparator.comparingInt(
            v ->
                sd.get(1).values().indexOf(v) < 0
                    ? Integer.MAX_VALUE
                    : sd.get(1).values().indexOf(v)));
    boolean totals = !rowTotal.isEmpty() || point.has("value");
    List<Indicator.Series> rows = new ArrayList<>();
    for (String r : rowsV) {
      List<String> vals = new ArrayList<>();
      for (String c : colsV) {
        vals.add(num(cell.get(r + "\u0000" + c)));
      }
      if (totals) {
        vals.add(num(rowTotal.get(r)));
      }
      rows.add(new Indicator.Series(r, vals, null));
    }
    if (!colTotal.isEmpty() || point.has("value")) {
      List<String> vals = new ArrayList<>();
      for (String c : colsV) {
        vals.add(num(colTotal.get(c)));
      }
      if (totals) {
        vals.add(num(point.value("value")));
      }
      rows.add(new Indicator.Series(labels.get("indicator.total"), vals, true));
    }
    List<String> columns = new ArrayList<>(colsV);
    if (totals) {
      columns.add(labels.get("indicator.total"));
    }
    return new Indicator.Crosstab(
        labels.get(
                "indicator.crosstab",
                ind.string("name"),
                dimLabel(sd.get(0)) + " \u00d7 " + dimLabel(sd.get(1)),
                date)
            + (unit.isEmpty() ? "" : " (" + unit + ")"),
        dimLabel(sd.get(0)) + " \\ " + dimLabel(sd.get(1)),
        columns,
        rows);
  }
}
