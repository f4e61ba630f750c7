package org.reap.render.chart;

/** A parsed, validated {@code data-chart} specification. */
public sealed interface ChartSpec permits CategoryChartSpec, GanttChartSpec {
  /** The chart's title, drawn above it; may be empty. */
  String title();
}
