package org.reap.render.view;

/**
 * A date as templates see it: as written (raw), in words (text, "October 29, 2024"), short for
 * tables (short, "10/29/2024"), with its weekday where it is one day of a known year, and its first
 * and last days (ISO) unless it is to be decided.
 */
public record DateView(
    String raw,
    String text,
    @Key("short") String shortText,
    String weekdayText,
    Boolean tbd,
    Boolean yearKnown,
    String precision,
    String start,
    String end) {
  /** A heading for what has no date: its text only. */
  public static DateView undated(String text, String raw) {
    return new DateView(raw, text, null, null, null, null, null, null, null);
  }
}
