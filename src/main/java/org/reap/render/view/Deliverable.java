package org.reap.render.view;

import java.util.List;
import java.util.Map;

/**
 * A plan's deliverable with its phases, its status where it has one, and the milestones linked to
 * it.
 */
public record Deliverable(
    @Spread Map<String, Object> fields,
    List<Phase> phases,
    StatusView status,
    int milestones,
    int milestonesDone) {
  /** A phase of a deliverable, with its status as reported and as shown on the as-of date. */
  public record Phase(
      @Spread Map<String, Object> fields, StatusView status, StatusView shownStatus) {}
}
