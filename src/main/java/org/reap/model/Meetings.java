package org.reap.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Works out hours per month for a standing meeting. */
public final class Meetings {
  private Meetings() {}

  /** Hours per month from length × times per period, or null when the cadence is incomplete. */
  public static Double hoursPerMonth(Node.Obj meeting) {
    Length length = meeting.value("length");
    BigDecimal times = meeting.value("times");
    String per = meeting.string("per");
    if (length == null || times == null || per == null) {
      return null;
    }
    BigDecimal hpd = meeting.value("hours_per_day");
    double hours = length.hours(hpd == null ? 8.0 : hpd.doubleValue());
    double perMonth =
        switch (per) {
          case "week" -> 52.0 / 12.0;
          case "quarter" -> 1.0 / 3.0;
          case "year" -> 1.0 / 12.0;
          default -> 1.0;
        };
    return hours * times.doubleValue() * perMonth;
  }

  /** 4, 1.5, 0.6: at most one decimal, no trailing zero. */
  public static String format(double v) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }
}
