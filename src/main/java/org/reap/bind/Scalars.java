package org.reap.bind;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.model.Length;
import org.reap.model.Markdown;
import org.reap.model.When;
import org.reap.schema.Kinds;
import org.reap.schema.Scalar;
import org.reap.schema.ScalarType;
import org.reap.schema.Settings;
import org.reap.validate.Suggest;

/**
 * The binder's scalar parsers: one value read from its text as written, by what its field expects
 * (a date, a month, a when with the repository's fiscal year, an id, a number, yes or no, one of
 * the allowed words or a city's own status word, a path, a length of time, ...), so YAML 1.1 typing
 * never applies. A value that does not fit is a {@link Bad} with its rule id, message and hint; the
 * binder reports it at the value's position.
 */
final class Scalars {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})");
  static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern DURATION =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*(hours?|hrs?|h|minutes?|mins?|m|days?|d)",
          Pattern.CASE_INSENSITIVE);
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  /**
   * A value read: {@code value} as the model holds it; {@code asWritten} the city's own status word
   * it was written as (the value is then reap's status that word maps to), else null.
   */
  record Value(Object value, String asWritten) {}

  private final Settings settings;

  /** Parsers for a repository with {@code settings}: its fiscal year and its own status words. */
  Scalars(Settings settings) {
    this.settings = settings;
  }

  /**
   * The value of a scalar written {@code raw} where field {@code where} of {@code type} is
   * expected.
   */
  Value read(ScalarType type, String raw, String where) throws Bad {
    String t = raw.trim();
    String field = "\"" + where + "\"";
    controlCharacter(raw, field);
    String status = cityStatus(type, t);
    if (status != null) {
      return new Value(status, t);
    }
    Object value =
        switch (type.scalar()) {
          case STRING -> nfc(raw);
          case TEXT -> new Markdown(nfc(raw));
          case ID, REF -> id(t, field);
          case DATE -> date(t, field);
          case MONTH -> month(t, field);
          case WHEN -> when(t, field);
          case INTEGER -> {
            if (!INTEGER.matcher(t).matches()) {
              throw new Bad(
                  field + " should be a whole number, but it is \"" + t + "\"",
                  where.equals("reap") ? "write \"reap: 1\"" : "write digits only, such as 12");
            }
            yield Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
          }
          case NUMBER -> {
            if (!NUMBER.matcher(t).matches()) {
              throw new Bad(
                  field + " should be a number, but it is \"" + t + "\"",
                  t.contains(",")
                      ? "leave out the thousands separators: 1500, not 1,500"
                      : "write digits with a decimal point, such as 12.5");
            }
            yield new BigDecimal(t);
          }
          case BOOLEAN ->
              switch (t.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "y" -> Boolean.TRUE;
                case "no", "false", "n" -> Boolean.FALSE;
                default ->
                    throw new Bad(
                        field + " should be yes or no, but it is \"" + t + "\"", "write yes or no");
              };
          case ENUM -> {
            boolean statuses = type.values().equals(Kinds.STATUSES);
            if (!type.values().contains(t)) {
              List<String> words = new ArrayList<>(type.values());
              if (statuses) {
                words.addAll(settings.statuses().keySet());
              }
              throw new Bad(
                  field + " cannot be \"" + t + "\"",
                  Suggest.didYouMean(t, words)
                      + "allowed: "
                      + String.join(", ", type.values())
                      + (statuses && !settings.statuses().isEmpty()
                          ? ", or this repository's own words: "
                              + String.join(
                                  ", ", new java.util.TreeSet<>(settings.statuses().keySet()))
                          : ""));
            }
            yield t;
          }
          case EMAIL -> {
            if (!EMAIL.matcher(t).matches()) {
              throw new Bad(
                  field + " should be an email address, but it is \"" + t + "\"",
                  "write it as name@example.org");
            }
            yield t;
          }
          case URL -> {
            if (!(t.startsWith("https://") || t.startsWith("http://")) || t.contains(" ")) {
              throw new Bad(
                  field + " should be a web address, but it is \"" + t + "\"",
                  "write the full address, starting with https://");
            }
            yield t;
          }
          case PATH -> path(t, field);
          case DURATION -> duration(t, field);
          case LANGUAGE -> {
            if (!LANGUAGE.matcher(t).matches()) {
              throw new Bad(
                  field + " should be a language tag, but it is \"" + t + "\"",
                  "use a short tag such as en, es, vi, zh-Hans, ru or hmn");
            }
            yield t;
          }
        };
    return new Value(value, null);
  }

  /**
   * The reap status that {@code t}, a repository's own status word, stands for where a status is
   * expected; else null.
   */
  private String cityStatus(ScalarType type, String t) {
    if (type.scalar() == Scalar.ENUM
        && !type.values().contains(t)
        && type.values().equals(Kinds.STATUSES)) {
      return settings.status(t);
    }
    return null;
  }

  /** {@code s} in Unicode normal form C (composed), as text is stored. */
  static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;
    final String hint;
    final String rule;

    Bad(String message, String hint) {
      this("schema.bad-value", message, hint);
    }

    Bad(String rule, String message, String hint) {
      super(message, null, false, false);
      this.rule = rule;
      this.hint = hint;
    }
  }

  /**
   * A control character that YAML let in through a backslash escape ("\u0006", "\0", "\e"): the
   * file check sees only the characters written in the file. XML cannot carry most of them, so a
   * document holding one could not be rendered. Tab and line breaks are fine.
   */
  private static void controlCharacter(String raw, String field) throws Bad {
    int at = controlCharacter(raw);
    if (at >= 0 && Character.isSurrogate(raw.charAt(at))) {
      throw new Bad(
          "schema.control-character",
          field
              + " holds half of a character (U+"
              + String.format(Locale.ROOT, "%04X", (int) raw.charAt(at))
              + "), written as a backslash escape",
          "write the character itself, or both halves of it, such as \\uD83D\\uDE00 for an emoji");
    }
    if (at >= 0) {
      throw new Bad(
          "schema.control-character",
          field
              + " holds an invisible control character (U+"
              + String.format(Locale.ROOT, "%04X", (int) raw.charAt(at))
              + "), written as a backslash escape",
          "remove the escape; it was probably copied in by accident");
    }
  }

  /** The index of the first character no document may hold, or -1. */
  static int controlCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pairedHigh =
          Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
      if (pairedHigh) {
        i++;
        continue;
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          || (c >= 0x7f && c < 0xa0)
          || c == '\uFFFE'
          || c == '\uFFFF'
          || Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  static String id(String t, String field) throws Bad {
    if (!ID.matcher(t).matches()) {
      String slug =
          t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
      throw new Bad(
          "schema.bad-id",
          field
              + " must be an id of lower-case letters, digits and hyphens, but it is \""
              + t
              + "\"",
          slug.isEmpty()
              ? "for example: score-2024"
              : "for example: " + (slug.length() > 80 ? slug.substring(0, 80) : slug));
    }
    return t;
  }

  private static Bad badDate(String field, String t, String expected) {
    Matcher us = US_DATE.matcher(t);
    String hint;
    if (us.matches()) {
      String y = us.group(3).length() == 2 ? "20" + us.group(3) : us.group(3);
      hint =
          String.format(
              "write dates as year-month-day: %s-%02d-%02d",
              y, Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)));
    } else {
      hint = "write " + expected.replace(" written ", " as ");
    }
    return new Bad(
        "schema.bad-date", field + " should be " + expected + ", but it is \"" + t + "\"", hint);
  }

  static LocalDate date(String t, String field) throws Bad {
    Matcher m = DATE.matcher(t);
    if (!m.matches()) {
      throw badDate(field, t, "a date written YYYY-MM-DD, such as 2024-10-29");
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      try {
        When.parse(t);
      } catch (When.BadWhen w) {
        throw new Bad("schema.bad-date", field + ": " + w.getMessage(), "check the month and day");
      }
      throw new Bad(
          "schema.bad-date",
          field + ": \"" + t + "\" is not a real date",
          "check the month and day");
    }
  }

  static YearMonth month(String t, String field) throws Bad {
    Matcher m = MONTH.matcher(t);
    if (!m.matches()) {
      throw badDate(field, t, "a month written YYYY-MM, such as 2024-10");
    }
    int mo = Integer.parseInt(m.group(2));
    if (mo < 1 || mo > 12) {
      throw new Bad(
          "schema.bad-date",
          field + " has month " + m.group(2) + "; months run from 01 to 12",
          "write a month as YYYY-MM, such as 2024-10");
    }
    return YearMonth.of(Integer.parseInt(m.group(1)), mo);
  }

  private static final Pattern FISCAL_LIKE =
      Pattern.compile("(?i)FY\\s*\\d{2,4}(-\\d{2,4})?|(\\d{4})-(\\d{2})");

  When when(String t, String field) throws Bad {
    try {
      return When.parse(t, settings.fiscalYearStart());
    } catch (When.BadWhen e) {
      Matcher fy = FISCAL_LIKE.matcher(t);
      if (!settings.fiscalYears()
          && fy.matches()
          && (fy.group(2) == null
              || Integer.parseInt(fy.group(3)) == (Integer.parseInt(fy.group(2)) + 1) % 100)) {
        String m =
            t.toUpperCase(Locale.ROOT).startsWith("FY")
                ? "\"" + t + "\" is a fiscal year, but this repository has no fiscal year set"
                : e.getMessage();
        throw new Bad(
            "schema.bad-date",
            field + ": " + m,
            "if it is a fiscal year, say when the fiscal year starts in "
                + Settings.FILE
                + " at the root of the plans folder (\"fiscal_year: {starts: July}\"); otherwise check the month");
      }
      Bad b =
          badDate(
              field,
              t,
              "a date such as 2024-10-29, a month such as 2024-10, a range such as 2024-04/2024-06, or TBD");
      if (US_DATE.matcher(t).matches() || !t.matches(".*\\d{4}.*")) {
        throw b;
      }
      String m = e.getMessage();
      throw new Bad(
          "schema.bad-date",
          field + ": " + m,
          m.contains("not a real date")
              ? "check the month and day"
              : m.contains("months run from")
                  ? "check the month"
                  : "write a date such as 2024-10-29, a month such as 2024-10, a range such as 2024-04/2024-06, or TBD");
    }
  }

  static String path(String t, String field) throws Bad {
    String p = t.replace('\\', '/');
    if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.startsWith("~")) {
      throw new Bad(
          "schema.bad-path",
          field + " must be a path inside the repository, but \"" + t + "\" is absolute",
          "write it relative to this file's folder, such as attachments/resolution.pdf");
    }
    for (String part : p.split("/")) {
      if (part.equals("..")) {
        throw new Bad(
            "schema.bad-path",
            field + " must stay inside the repository, but \"" + t + "\" climbs out of it with ..",
            "copy the file into the repository and point at the copy");
      }
    }
    if (p.contains(":")) {
      throw new Bad(
          "schema.bad-path",
          field + " must be a file in the repository, not a web address",
          "download the file into the repository and point at it");
    }
    return p;
  }

  static Length duration(String t, String field) throws Bad {
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      throw new Bad(
          field + " should be a length of time, but it is \"" + t + "\"",
          "write it as 2 hours, 1.5 hours, 90 minutes or 3 days");
    }
    String u = m.group(2).toLowerCase(Locale.ROOT);
    String unit = u.startsWith("h") ? "hour" : u.startsWith("m") ? "minute" : "day";
    return new Length(new BigDecimal(m.group(1)), unit, t);
  }
}
