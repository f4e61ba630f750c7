package org.reap.render.view;

import java.util.List;
import java.util.Map;

/**
 * A plan's actions as the city's own table ({@code action_table}): the columns to print, the
 * heading of every field (names), the actions grouped under goal and objective, and how many show
 * each status.
 */
public record ActionTable(
    List<Column> columns,
    Map<String, String> names,
    List<GoalGroup> groups,
    boolean landscape,
    int count,
    List<StatusView.Count> counts) {
  /** A column: the field it prints and its heading. */
  public record Column(String key, String label) {}

  /** A goal as an action table names it. */
  public record Goal(String number, String title, String id) {}

  /** The objectives under one goal (goal null: objectives that name none). */
  public record GoalGroup(Goal goal, List<Objective> objectives) {}

  /** An objective with its actions, and the other goals it serves. */
  public record Objective(
      String number, Object title, String id, List<Goal> otherGoals, List<Row> rows) {}

  /**
   * One action: its fields as written, its status as reported and as shown on the as-of date, and
   * the lines each field prints as in a cell (by field name).
   */
  public record Row(
      @Spread Map<String, Object> fields,
      StatusView.Texted status,
      StatusView.Texted shownStatus,
      boolean overdue,
      boolean statusReported,
      Map<String, List<Object>> cells) {}
}
