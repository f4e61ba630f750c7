package org.reap.render.view;

import java.util.List;
import java.util.Map;

/** A progress report of a plan on the as-of date (progress.ftlx). */
public record Progress(
    @Spread Page page,
    Summary summary,
    List<StatusView.Group> milestoneGroups,
    List<TimelineRef> timelines,
    List<Deliverable> deliverables,
    String gantt,
    String ganttAlt,
    List<OutcomeMatrix.Matrix> matrices,
    List<Indicator> indicators,
    List<Team> teams,
    ActionTable actionTable,
    Meetings meetings,
    List<Map<String, Object>> accomplishments,
    Changes changes)
    implements View {
  /** The milestones in figures, and those due in the next 30, 60 and 90 days or undated. */
  public record Summary(
      int total,
      int done,
      int overdue,
      int pastWithoutStatus,
      int percentComplete,
      List<StatusView.Count> counts,
      List<Milestone> next30,
      List<Milestone> next60,
      List<Milestone> next90,
      List<Milestone> undated) {}

  /** A timeline of the plan. */
  public record TimelineRef(String id, String title) {}

  /** A team with its tasks and how many show each status. */
  public record Team(
      @Spread Map<String, Object> fields, List<Task> tasks, List<StatusView.Count> taskCounts) {}

  /** A team's task with its status as reported and as shown. */
  public record Task(
      @Spread Map<String, Object> fields, StatusView status, StatusView shownStatus) {}

  /** What changed since an earlier revision (reap render --since). */
  public record Changes(
      DateView since,
      String revision,
      List<Milestone> completed,
      List<Milestone> newlyLate,
      List<Milestone.Redated> redated,
      List<Milestone> added,
      List<Milestone> dropped,
      List<NewValue> newValues,
      boolean empty) {}

  /** A new observation of an indicator. */
  public record NewValue(String indicator, Map<String, Object> observation) {}
}
