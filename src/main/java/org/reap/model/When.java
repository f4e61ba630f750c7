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
public record When(
    Precision precision, LocalDate start, LocalDate end, boolean yearKnown, String raw)
    implements Comparable<When> {

  public enum Precision {
    DAY,
    MONTH,
    YEAR,
    RANGE,
    TBD,
    /** One fiscal year or a run of them ("FY2021-22", "FY2021-22/FY2023-24"). */
    FISCAL_YEAR
  }

  private static final Pattern FISCAL =
      Pattern.compile("(?i)(?:FY\\s*)?(\\d{4})-(\\d{2}|\\d{4})|FY\\s*(\\d{4}|\\d{2})");

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
    return parse(text, 0);
  }

  /**
   * As {@link #parse(String)}; where {@code fiscalStart} is a month (1-12), fiscal years are read
   * too: FY2021-22, FY 2021-22, 2021-22, FY2021-2022 and FY22 (the fiscal year that ends in 2022).
   */
  public static When parse(String text, int fiscalStart) throws BadWhen {
    String t = text.trim();
    if (fiscalStart >= 1 && fiscalStart <= 12) {
      When fy = fiscal(t, fiscalStart);
      if (fy != null) {
        return fy;
      }
    }
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
    int year =
        known ? Integer.parseInt(m.group(1)) : 2000; // 2000 is a leap year: XXXX-02-29 is allowed
    if (!known && m.group(2) == null) {
      throw new BadWhen("\"" + whole + "\" gives neither a year nor a month");
    }
    try {
      if (m.group(2) == null) {
        return new When(
            Precision.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), true, s);
      }
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        throw new BadWhen(
            "\"" + whole + "\" has month " + m.group(2) + "; months run from 01 to 12");
      }
      YearMonth ym = YearMonth.of(year, month);
      if (m.group(3) == null) {
        return new When(Precision.MONTH, ym.atDay(1), ym.atEndOfMonth(), known, s);
      }
      int day = Integer.parseInt(m.group(3));
      if (day < 1 || day > ym.lengthOfMonth()) {
        throw new BadWhen(
            "\""
                + whole
                + "\" is not a real date: "
                + ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                + (known ? " " + year : "")
                + " has "
                + ym.lengthOfMonth()
                + " days");
      }
      LocalDate d = LocalDate.of(year, month, day);
      return new When(Precision.DAY, d, d, known, s);
    } catch (DateTimeException e) {
      throw new BadWhen("\"" + whole + "\" is not a real date");
    }
  }

  /** The fiscal year or run of fiscal years {@code t} names, or null when it names none. */
  private static When fiscal(String t, int startMonth) throws BadWhen {
    int slash = t.indexOf('/');
    if (slash > 0) {
      LocalDate[] a = fiscalYear(t.substring(0, slash).trim(), startMonth, t);
      LocalDate[] b = fiscalYear(t.substring(slash + 1).trim(), startMonth, t);
      if (a == null || b == null) {
        return null;
      }
      return new When(Precision.FISCAL_YEAR, a[0], b[1], true, t);
    }
    LocalDate[] one = fiscalYear(t, startMonth, t);
    return one == null ? null : new When(Precision.FISCAL_YEAR, one[0], one[1], true, t);
  }

  /** First and last day of one fiscal year, or null when {@code s} is not written as one. */
  private static LocalDate[] fiscalYear(String s, int startMonth, String whole) throws BadWhen {
    Matcher m = FISCAL.matcher(s);
    if (!m.matches()) {
      return null;
    }
    int endYear;
    if (m.group(1) != null) {
      int first = Integer.parseInt(m.group(1));
      String second = m.group(2);
      int next =
          second.length() == 2
              ? (first / 100) * 100 + Integer.parseInt(second)
              : Integer.parseInt(second);
      if (second.length() == 2 && next < first) {
        next += 100;
      }
      if (startMonth == 1) {
        if (next != first) {
          throw new BadWhen(
              "\""
                  + whole
                  + "\" names two years, but the fiscal year starts in January, so it is one calendar year");
        }
        endYear = first;
      } else {
        if (next != first + 1) {
          if (second.length() == 2
              && !s.toUpperCase(Locale.ROOT).startsWith("FY")
              && Integer.parseInt(second) <= 12) {
            return null; // 2024-06: a month, not a fiscal year
          }
          throw new BadWhen(
              "\""
                  + whole
                  + "\" is not a fiscal year: a fiscal year runs from one year into the next, such as 2021-22");
        }
        if (second.length() == 2
            && !s.toUpperCase(Locale.ROOT).startsWith("FY")
            && Integer.parseInt(second) <= 12) {
          return null; // 2011-12 is December 2011 unless written FY2011-12
        }
        endYear = next;
      }
    } else {
      String y = m.group(3);
      endYear = y.length() == 2 ? 2000 + Integer.parseInt(y) : Integer.parseInt(y);
    }
    LocalDate start =
        startMonth == 1 ? LocalDate.of(endYear, 1, 1) : LocalDate.of(endYear - 1, startMonth, 1);
    return new LocalDate[] {start, start.plusYears(1).minusDays(1)};
  }

  public boolean isFiscal() {
    return precision == Precision.FISCAL_YEAR;
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
