package org.reap.model;

import java.math.BigDecimal;

/** A length of time as written ("2 hours", "3 days"). */
public record Length(BigDecimal amount, String unit, String raw) {
  /** Hours, counting a day as {@code hoursPerDay}. */
  public double hours(double hoursPerDay) {
    double a = amount.doubleValue();
    return switch (unit) {
      case "minute" -> a / 60.0;
      case "day" -> a * hoursPerDay;
      default -> a;
    };
  }

  @Override
  public String toString() {
    return raw;
  }
}
