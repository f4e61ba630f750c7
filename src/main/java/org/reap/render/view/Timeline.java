package org.reap.render.view;

import java.util.List;

/** A timeline of milestones month by month (timeline.ftlx), with the plan's Gantt chart. */
public record Timeline(
    @Spread Page page,
    List<Month> months,
    List<StatusView.Count> counts,
    int pastWithoutStatus,
    String legend,
    String gantt,
    String ganttAlt,
    List<Deliverable> deliverables,
    String partnershipLabel)
    implements View {
  /** The milestones of one month ("tbd": those without a date). */
  public record Month(String key, DateView month, List<Milestone> rows) {}

  /**
   * One slice of a long timeline, laid out on its own and joined with the others into one PDF:
   * {@code sliceFirst} for the one with the heading and introduction; {@code monthOffset}, the
   * months in the slices before it (so its month ids go on from theirs).
   */
  public record Slice(boolean inSlice, boolean sliceFirst, int monthOffset, @Spread View view)
      implements View {}
}
