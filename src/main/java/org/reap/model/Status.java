package org.reap.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The one vocabulary of status in every document, chart, legend, table and index: the statuses a
 * YAML file may give, and the two that are worked out.
 *
 * <ul>
 *   <li>{@link #OVERDUE}: the file gives a status that says the work is not done (planned, in
 *       progress, at risk) and its date has passed on the as-of date. This is the only place that
 *       decides it.
 *   <li>{@link #NOT_REPORTED}: the file gives no status. It is neutral: never overdue or late,
 *       whatever the date; summaries count those past their date apart.
 * </ul>
 *
 * Every status has a symbol, so it never rests on colour alone, and a label key ({@code
 * status.<key>}) that the labels of each language translate.
 */
public enum Status {
  PLANNED("planned", "\u25CB"),
  IN_PROGRESS("in-progress", "\u25D0"),
  DONE("done", "\u2713"),
  AT_RISK("at-risk", "\u26A0"),
  MISSED("missed", "\u2717"),
  DROPPED("dropped", "\u2014"),
  // outcomes of an outcome matrix
  NOT_STARTED("not-started", "\u25CB"),
  EMERGING("emerging", "\u25D0"),
  ACHIEVED("achieved", "\u2713"),
  NOT_MET("not-met", "\u2717"),
  // worked out, never written in a file
  OVERDUE("overdue", "!"),
  NOT_REPORTED("not-reported", "\u25CC");

  /** The fields that date an item, in the order they are looked for: milestone, task, phase. */
  public static final List<String> DATE_FIELDS = List.of("date", "due", "when");

  private final String key;
  private final String symbol;

  Status(String key, String symbol) {
    this.key = key;
    this.symbol = symbol;
  }

  /** The spelling in YAML files and templates, e.g. "in-progress". */
  public String key() {
    return key;
  }

  /** The symbol printed before the word. */
  public String symbol() {
    return symbol;
  }

  /** The key of its word in the labels ("status.in-progress"). */
  public String labelKey() {
    return "status." + key;
  }

  /** Planned, in progress or at risk: a status that says the work is not done. */
  public boolean isOpen() {
    return this == PLANNED || this == IN_PROGRESS || this == AT_RISK;
  }

  /** The status a key names; unknown keys are {@link #NOT_REPORTED}. */
  public static Status ofKey(String key) {
    if (key == null) {
      return NOT_REPORTED;
    }
    for (Status s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return NOT_REPORTED;
  }

  /** The status the file gives, or {@link #NOT_REPORTED} when it gives none. */
  public static Status reported(Node.Obj item) {
    return ofKey(item.string("status"));
  }

  /** The date of a milestone, task or phase, or null. */
  public static When dateOf(Node.Obj item) {
    for (String f : DATE_FIELDS) {
      if (item.value(f) instanceof When w) {
        return w;
      }
    }
    return null;
  }

  /** Whether a known date's last day is before the as-of day. TBD and yearless dates never pass. */
  public static boolean datePassed(Node.Obj item, LocalDate asOf) {
    When w = dateOf(item);
    return w != null && !w.isTbd() && w.yearKnown() && w.end().isBefore(asOf);
  }

  /** Overdue: a status that says the work is not done and a date that has passed. */
  public static boolean overdue(Node.Obj item, LocalDate asOf) {
    return reported(item).isOpen() && datePassed(item, asOf);
  }

  /** No status given and the date has passed: counted apart, never as overdue. */
  public static boolean pastWithoutStatus(Node.Obj item, LocalDate asOf) {
    return reported(item) == NOT_REPORTED && datePassed(item, asOf);
  }

  /** What a document shows for the item on the as-of date: overdue, or the status it reports. */
  public static Status shown(Node.Obj item, LocalDate asOf) {
    return overdue(item, asOf) ? OVERDUE : reported(item);
  }

  /** The statuses a milestone, task or phase can show, in the order summaries list them. */
  public static final List<Status> WORK =
      List.of(PLANNED, IN_PROGRESS, DONE, AT_RISK, MISSED, DROPPED, OVERDUE, NOT_REPORTED);
}
