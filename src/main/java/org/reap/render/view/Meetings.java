package org.reap.render.view;

import java.util.List;
import java.util.Map;

/** A plan's meetings, each with its hours a month and cadence in words, and the total. */
public record Meetings(List<Row> rows, String totalHoursPerMonth) {
  public record Row(@Spread Map<String, Object> fields, String hoursPerMonth, String cadence) {}
}
