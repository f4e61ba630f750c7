package org.reap.render.view;

import java.util.List;
import java.util.Map;

/**
 * An indicator as written plus its figures: the latest measure, the change since the baseline and
 * its direction, progress to the target, the measures as rows, and its charts and tables.
 */
public record Indicator(
    @Spread Map<String, Object> fields,
    Integer number,
    Map<String, Object> latest,
    String change,
    String direction,
    String directionLabel,
    String directionSymbol,
    Integer progressToTarget,
    boolean qualitative,
    List<Measure> measures,
    List<String> groups,
    String chart,
    List<String> chartCategories,
    List<Series> chartRows,
    String chartAlt,
    List<Chart> multiples,
    List<Table> breakdownTables,
    List<Crosstab> crosstabs,
    List<String> dimensionNames) {
  /** The same indicator numbered, as an equity analysis lists it. */
  public Indicator numbered(int n) {
    return new Indicator(
        fields,
        n,
        latest,
        change,
        direction,
        directionLabel,
        directionSymbol,
        progressToTarget,
        qualitative,
        measures,
        groups,
        chart,
        chartCategories,
        chartRows,
        chartAlt,
        multiples,
        breakdownTables,
        crosstabs,
        dimensionNames);
  }

  /** Baseline, target or an observation: its role, date, value or value in words, and note. */
  public record Measure(String role, String date, String value, String text, String note) {}

  /** A row of a table of figures ("—" where there is none); total marks the totals row. */
  public record Series(String name, List<String> values, Boolean total) {}

  public record Chart(String title, String spec, String alt) {}

  public record Table(String caption, String header, List<String> categories, List<Series> rows) {}

  public record Crosstab(String caption, String corner, List<String> columns, List<Series> rows) {}
}
