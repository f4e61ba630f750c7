package org.reap.render.view;

import java.util.List;
import java.util.Map;

/** An outcome matrix on its own page (outcome-matrix.ftlx). */
public record OutcomeMatrix(@Spread Page page, Matrix matrix) implements View {
  /**
   * The matrix as written, its areas with their outcomes by stage, the stages, and the status
   * counts.
   */
  public record Matrix(
      @Spread Map<String, Object> fields,
      List<Area> areas,
      List<Stage> stages,
      List<StatusView.Count> statusCounts) {}

  /** An area with its label and its outcomes by stage name. */
  public record Area(
      String label,
      @Spread Map<String, List<Outcome>> stages,
      @Spread Map<String, Object> fields) {}

  /** An outcome with its status where it has one, its items, and the names of its indicators. */
  public record Outcome(
      @Spread Map<String, Object> fields,
      StatusView status,
      List<Outcome> items,
      List<String> indicatorNames) {}

  public record Stage(String key, String label) {}
}
