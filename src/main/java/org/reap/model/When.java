package org.reap.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as plans write them: a day, a month, a year, a range of those, TBD, or a day or month
 * whose year the source does not give (XXXX-03-20). Written in a subset of ISO 8601 / EDTF.
 */
public record When(Precision precision, LocalDate start, LocalDate end, boolean yearKnown, String raw) implements Comparable<When> {

  public enum Precision {
    DAY,
    MONTH,
    YEAR,
    RANGE,
    TBD
  }

  private static final Pattern PART = Pattern.compile("(\\d{4}|XXXX)(?:-(\\d{2})(?:-(\\d{2}))?)?");

  /** Thrown by {@link #parse} with a message for people. */
  public static final class BadWhen extends Exception {
    private static final long serialVersionUID = 1L;

    public BadWhen(String message) {
      super(message);
    }
  }

  public static When tbd() {
    return new When(Precision.TBD, null, null, true, "TBD");
  }

  public boolean isTbd() {
    return precision == Precision.TBD;
  }

  public boolean isRange() {
    return precision == Precision.RANGE;
  }

  public static When parse(String text) throws BadWhen {
    String t = text.trim();
    if (t.equalsIgnoreCase("tbd")) {
      return tbd();
    }
    int slash = t.indexOf('/');
    if (slash >= 0) {
      if (t.indexOf('/', slash + 1) >= 0 || slash == 0 || slash == t.length() - 1) {
        throw new BadWhen("\"" + t + "\" is not a date");
      }
      When a = single(t.substring(0, slash).trim(), t);
      When b = single(t.substring(slash + 1).trim(), t);
      if (a.yearKnown != b.yearKnown) {
        throw new BadWhen("both ends of the range \"" + t + "\" must give the year, or neither");
      }
      return new When(Precision.RANGE, a.start, b.end, a.yearKnown, t);
    }
    return single(t, t);
  }

  private static When single(String s, String whole) throws BadWhen {
    Matcher m = PART.matcher(s);
    if (!m.matches()) {
      throw new BadWhen("\"" + whole + "\" is not a date reap can read");
    }
    boolean known = !m.group(1).equals("XXXX");
    int year = known ? Integer.parseInt(m.group(1)) : 2000; // 2000 is a leap year: XXXX-02-29 is allowed
    if (!known && m.group(2) == null) {
      throw new BadWhen("\"" + whole + "\" gives neither a year nor a month");
    }
    try {
      if (m.group(2) == null) {
        return new When(Precision.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), true, s);
      }
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        throw new BadWhen("\"" + whole + "\" has month " + m.group(2) + "; months run from 01 to 12");
      }
      YearMonth ym = YearMonth.of(year, month);
      if (m.group(3) == null) {
        return new When(Precision.MONTH, ym.atDay(1), ym.atEndOfMonth(), known, s);
      }
      int day = Integer.parseInt(m.group(3));
      if (day < 1 || day > ym.lengthOfMonth()) {
        throw new BadWhen(
            "\"" + whole + "\" is not a real date: " + ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                + (known ? " " + year : "") + " has " + ym.lengthOfMonth() + " days");
      }
      LocalDate d = LocalDate.of(year, month, day);
      return new When(Precision.DAY, d, d, known, s);
    } catch (DateTimeException e) {
      throw new BadWhen("\"" + whole + "\" is not a real date");
    }
  }

  /** Orders by start, TBD last. */
  @Override
  public int compareTo(When o) {
    if (isTbd() || o.isTbd()) {
      return Boolean.compare(isTbd(), o.isTbd());
    }
    int c = start.compareTo(o.start);
    return c != 0 ? c : end.compareTo(o.end);
  }

  @Override
  public String toString() {
    return raw;
  }
}
