package org.reap.render.chart;

import java.util.List;

/**
 * A line or bar chart over named categories (usually years).
 *
 * @param kind LINE or BAR
 * @param title drawn above the chart ("" for none)
 * @param xLabel the category axis label ("" for none)
 * @param yLabel the value axis label ("" for none)
 * @param categories category names, in order
 * @param series one or more series, each with one value (or null) per category
 * @param target a value drawn as a dashed horizontal line, or null
 * @param targetLabel the target line's label ("" for none)
 * @param yMax the value axis runs at least this high, or null: small multiples share a scale
 */
public record CategoryChartSpec(
    Kind kind,
    String title,
    String xLabel,
    String yLabel,
    List<String> categories,
    List<Series> series,
    Double target,
    String targetLabel,
    Double yMax)
    implements ChartSpec {
  public enum Kind {
    LINE,
    BAR
  }

  public CategoryChartSpec(
      Kind kind,
      String title,
      String xLabel,
      String yLabel,
      List<String> categories,
      List<Series> series,
      Double target,
      String targetLabel) {
    this(kind, title, xLabel, yLabel, categories, series, target, targetLabel, null);
  }

  public CategoryChartSpec {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
  }

  /**
   * One series of values.
   *
   * @param name shown in the legend
   * @param values one per category; null for "no data"
   */
  public record Series(String name, List<Double> values) {
    public Series {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }
}
