package org.reap.render.chart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Status of a gantt task. Each has a colour, a fill pattern and a text label, so status never
 * depends on colour alone.
 */
public enum TaskStatus {
  DONE("done", "Done"),
  IN_PROGRESS("in-progress", "In progress"),
  PLANNED("planned", "Planned"),
  AT_RISK("at-risk", "At risk"),
  OVERDUE("overdue", "Overdue"),
  MISSED("missed", "Missed"),
  DROPPED("dropped", "Dropped"),
  NOT_REPORTED("not-reported", "No status reported");

  private final String code;
  private final String label;

  TaskStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The spelling used in chart JSON, e.g. "in-progress". */
  public String code() {
    return code;
  }

  /** The default text shown next to a bar and in the legend. */
  public String label() {
    return label;
  }

  /**
   * Accepts the code, with '_' or ' ' for '-', any case; "not-started" means planned and "late"
   * overdue. The codes and default labels are those of org.reap.model.Status.
   */
  public static Optional<TaskStatus> fromCode(String text) {
    String norm = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    if (norm.equals("not-started") || norm.equals("todo")) {
      return Optional.of(PLANNED);
    }
    if (norm.equals("late")) {
      return Optional.of(OVERDUE);
    }
    if (norm.equals("complete") || norm.equals("completed")) {
      return Optional.of(DONE);
    }
    return Arrays.stream(values()).filter(s -> s.code.equals(norm)).findFirst();
  }

  static List<String> codes() {
    return Arrays.stream(values()).map(TaskStatus::code).toList();
  }
}
