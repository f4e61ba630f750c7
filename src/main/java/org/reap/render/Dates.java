package org.reap.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.reap.model.When;
import org.reap.render.view.DateView;

/** Dates for people, in the document's language. */
public final class Dates {
  private Dates() {}

  /**
   * The JDK has no CLDR data for Hmong, whose fallback would print English month names; Hmong
   * counts the months ("Ib Hlis" = month one), written day, month, year.
   */
  private static final String[] HMONG_MONTHS = {
    "Ib Hlis",
    "Ob Hlis",
    "Peb Hlis",
    "Plaub Hlis",
    "Tsib Hlis",
    "Rau Hlis",
    "Xya Hlis",
    "Yim Hlis",
    "Cuaj Hlis",
    "Kaum Hlis",
    "Kaum Ib Hlis",
    "Kaum Ob Hlis"
  };

  private static boolean hmong(Locale l) {
    return l.getLanguage().equals("hmn");
  }

  private static String hmongMonth(LocalDate d) {
    return HMONG_MONTHS[d.getMonthValue() - 1];
  }

  public static String longDate(LocalDate d, Locale l) {
    if (hmong(l)) {
      return d.getDayOfMonth() + " " + hmongMonth(d) + " " + d.getYear();
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l).format(d);
  }

  public static String monthDay(LocalDate d, Locale l) {
    if (hmong(l)) {
      return d.getDayOfMonth() + " " + hmongMonth(d);
    }
    return DateTimeFormatter.ofPattern(pattern("MMMMd", l), l).format(d);
  }

  public static String monthYear(LocalDate d, Locale l) {
    if (hmong(l)) {
      return hmongMonth(d) + " " + d.getYear();
    }
    return DateTimeFormatter.ofPattern(pattern("yMMMM", l), l).format(d);
  }

  public static String monthName(LocalDate d, Locale l) {
    if (hmong(l)) {
      return hmongMonth(d);
    }
    return DateTimeFormatter.ofPattern("LLLL", l).format(d);
  }

  /** 10/29/2024 in US English; the locale's short numeric date with a four-digit year elsewhere. */
  public static String shortDate(LocalDate d, Locale l) {
    if (hmong(l)) {
      return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }
    return DateTimeFormatter.ofPattern(pattern("yMd", l), l).format(d);
  }

  /** Patterns by skeleton and locale: documents render on several threads. */
  private static final java.util.concurrent.ConcurrentMap<String, String> PATTERNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static {
    // The JDK fills a static map on the first skeleton lookup without a lock (JDK 21 to 25's
    // sun.util.locale.provider.LocaleResources.initSkeletonIfNeeded): two threads looking up at
    // once can see it empty and fail with a NullPointerException. Look one up here, while the
    // class initialises (one thread, before any other can call in).
    pattern("yMd", Locale.US);
  }

  /** The locale's best pattern for a skeleton, as CLDR defines it. */
  private static String pattern(String skeleton, Locale l) {
    return PATTERNS.computeIfAbsent(
        skeleton + "|" + l.toLanguageTag(),
        k ->
            java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                skeleton, java.time.chrono.IsoChronology.INSTANCE, l));
  }

  /** "October 29, 2024", "October 2024", "March 15–17, 2024", "April–June 2024", "TBD". */
  public static String text(When w, Locale l, String tbd) {
    if (w.isTbd()) {
      return tbd;
    }
    LocalDate s = w.start();
    LocalDate e = w.end();
    return switch (w.precision()) {
      case DAY -> w.yearKnown() ? longDate(s, l) : monthDay(s, l);
      case MONTH -> w.yearKnown() ? monthYear(s, l) : monthName(s, l);
      case YEAR -> Integer.toString(s.getYear());
      case TBD -> tbd;
      case RANGE -> range(w, l);
      case FISCAL_YEAR -> fiscal(w);
    };
  }

  /** "FY 2021-22", or "FY 2021-22 \u2013 FY 2023-24" for a run of fiscal years. */
  public static String fiscal(When w) {
    LocalDate s = w.start();
    LocalDate e = w.end();
    LocalDate firstEnd = s.plusYears(1).minusDays(1);
    if (!e.isAfter(firstEnd)) {
      return fiscalName(s, firstEnd);
    }
    return fiscalName(s, firstEnd) + " \u2013 " + fiscalName(e.minusYears(1).plusDays(1), e);
  }

  private static String fiscalName(LocalDate start, LocalDate end) {
    if (start.getYear() == end.getYear()) {
      return "FY " + start.getYear();
    }
    return String.format(Locale.ROOT, "FY %d-%02d", start.getYear(), end.getYear() % 100);
  }

  private static String range(When w, Locale l) {
    String[] parts = w.raw().split("/");
    boolean days = parts[0].trim().length() > 7 && parts[1].trim().length() > 7;
    LocalDate s = w.start();
    LocalDate e = w.end();
    String dash = "\u2013";
    if (days) {
      if (s.getYear() == e.getYear()
          && s.getMonth() == e.getMonth()
          && l.getLanguage().equals("en")) {
        String md = monthDay(s, l) + dash + e.getDayOfMonth();
        return w.yearKnown() ? md + ", " + s.getYear() : md;
      }
      return w.yearKnown()
          ? longDate(s, l) + " " + dash + " " + longDate(e, l)
          : monthDay(s, l) + " " + dash + " " + monthDay(e, l);
    }
    boolean months = parts[0].trim().length() > 4 && parts[1].trim().length() > 4;
    if (months) {
      if (s.getYear() == e.getYear()) {
        String m = monthName(s, l) + dash + monthName(e, l);
        return w.yearKnown() ? m + " " + s.getYear() : m;
      }
      return monthYear(s, l) + " " + dash + " " + monthYear(e, l);
    }
    return s.getYear() + dash + e.getYear();
  }

  /** "10/29/2024", or the month, or TBD: for table cells. */
  public static String shortText(When w, Locale l, String tbd) {
    if (w.isTbd()) {
      return tbd;
    }
    if (w.precision() == When.Precision.DAY) {
      return w.yearKnown() ? shortDate(w.start(), l) : monthDay(w.start(), l);
    }
    if (w.precision() == When.Precision.RANGE
        && w.raw().split("/")[0].trim().length() > 7
        && w.yearKnown()) {
      String[] parts = w.raw().split("/");
      return shortDate(w.start(), l) + "\u2013" + shortDate(w.end(), l);
    }
    return text(w, l, tbd);
  }

  /** A date as templates see it. */
  public static DateView model(When w, Locale l, String tbd) {
    boolean oneDay = !w.isTbd() && w.precision() == When.Precision.DAY && w.yearKnown();
    return new DateView(
        w.raw(),
        text(w, l, tbd),
        shortText(w, l, tbd),
        // "Tuesday, October 29, 2024": a meeting date as clerks print it, with its weekday.
        oneDay
            ? java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL)
                .withLocale(l)
                .format(w.start())
            : null,
        w.isTbd(),
        w.yearKnown(),
        w.precision().name().toLowerCase(Locale.ROOT),
        w.isTbd() ? null : w.start().toString(),
        w.isTbd() ? null : w.end().toString());
  }

  public static DateView model(LocalDate d, Locale l) {
    return model(new When(When.Precision.DAY, d, d, true, d.toString()), l, "TBD");
  }

  public static DateView model(YearMonth ym, Locale l) {
    return model(
        new When(When.Precision.MONTH, ym.atDay(1), ym.atEndOfMonth(), true, ym.toString()),
        l,
        "TBD");
  }
}
