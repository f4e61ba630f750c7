package org.reap.render.chart;

import java.time.LocalDate;
import java.util.List;

/**
 * A timeline of tasks grouped under headings.
 *
 * @param title drawn above the chart ("" for none)
 * @param asOf date of the dashed "as of" line, or null for none
 * @param asOfLabel the label of that line
 * @param tasks the tasks, in order
 */
public record GanttChartSpec(String title, LocalDate asOf, String asOfLabel, List<Task> tasks)
    implements ChartSpec {
  public GanttChartSpec {
    tasks = List.copyOf(tasks);
  }

  /**
   * One task bar.
   *
   * @param group heading the task is listed under ("" for none)
   * @param name the task's name
   * @param start first day (inclusive)
   * @param end last day (inclusive)
   * @param status drives colour, pattern and the text label next to the bar
   * @param statusLabel the text label next to the bar
   */
  public record Task(
      String group,
      String name,
      LocalDate start,
      LocalDate end,
      TaskStatus status,
      String statusLabel) {}
}
