package org.reap.render;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reap.model.Node;
import org.reap.model.When;

/**
 * Where a milestone or task stands on an as-of date. "overdue" is worked out: planned or in
 * progress with its date passed. Every status has a symbol, so it never rests on colour alone.
 */
public final class Status {
  private Status() {}

  public static String of(Node.Obj item) {
    String s = item.string("status");
    return s == null ? "planned" : s;
  }

  public static boolean overdue(Node.Obj item, String dateField, LocalDate asOf) {
    String s = of(item);
    When w = item.value(dateField);
    return (s.equals("planned") || s.equals("in-progress")) && w != null && !w.isTbd() && w.yearKnown() && w.end().isBefore(asOf);
  }

  public static String symbol(String status) {
    return switch (status) {
      case "done", "achieved" -> "\u2713";
      case "in-progress", "emerging" -> "\u25D0";
      case "at-risk" -> "\u26A0";
      case "missed", "not-met" -> "\u2717";
      case "dropped" -> "\u2014";
      case "overdue" -> "!";
      default -> "\u25CB";
    };
  }

  /** status, label and symbol as templates see them. */
  public static Map<String, Object> model(String status, Labels labels) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", status);
    m.put("label", labels.get("status." + status));
    m.put("symbol", symbol(status));
    return m;
  }
}
