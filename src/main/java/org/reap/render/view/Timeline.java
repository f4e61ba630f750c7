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
}
