package org.reap.render.view;

import java.util.Map;

/**
 * A milestone (an entry of a timeline) as templates see it: every field as written, so a field
 * added to the schema reaches the templates as it is, plus what is worked out from it: its status
 * as reported and as shown on the as-of date, whether it is overdue, and the names of what it
 * points at.
 */
public record Milestone(
    @Spread Map<String, Object> fields,
    StatusView status,
    boolean overdue,
    StatusView shownStatus,
    String teamName,
    String deliverableTitle,
    String objectiveTitle,
    String who,
    boolean partnership) {
  /** A milestone whose date changed since the earlier revision. */
  public record Redated(@Spread Milestone now, DateView oldDate) {}
}
