package org.reap.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reap.render.chart.ChartSpecParser;

/**
 * Chart specs as JSON for the chart element templates print (see docs/templates.md). Whatever the
 * documents hold, the specs made here are ones {@link ChartSpecParser} accepts: texts longer than
 * {@link ChartSpecParser#MAX_TEXT} characters are shortened with an ellipsis, blank names become a
 * dash, and repeated category or series names are told apart with " (2)", " (3)". A chart with more
 * categories, series or tasks than the chart element draws is not made at all (null), and the
 * document is rendered without it.
 */
public final class Charts {
  private Charts() {}

  /** What a blank name is shown as. */
  static final String BLANK = "\u2014";

  /**
   * {@code s} stripped and at most {@code max} characters long: longer text is cut at the last
   * whole character (grapheme) that fits and ends with "…". Null stays null.
   */
  static String fit(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    if (t.length() <= max) {
      return t;
    }
    BreakIterator chars = BreakIterator.getCharacterInstance(Locale.ROOT);
    chars.setText(t);
    int end = chars.preceding(max); // the last boundary before max leaves room for the ellipsis
    if (end <= 0) {
      // one enormous grapheme (a letter with hundreds of combining marks): cut between code points
      end = Character.isLowSurrogate(t.charAt(max - 1)) ? max - 2 : max - 1;
    }
    return t.substring(0, end).stripTrailing() + "\u2026";
  }

  static String fit(String s) {
    return fit(s, ChartSpecParser.MAX_TEXT);
  }

  /** Fitted, never blank, and each different from the ones before it. */
  static List<String> distinct(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      String n = fit(name == null ? "" : name);
      if (n.isEmpty()) {
        n = BLANK;
      }
      String u = n;
      for (int k = 2; !seen.add(u); k++) {
        String suffix = " (" + k + ")";
        u = fit(n, ChartSpecParser.MAX_TEXT - suffix.length()) + suffix;
      }
      out.add(u);
    }
    return out;
  }

  public record Series(String name, List<BigDecimal> values) {}

  /** A gantt bar; {@code statusLabel} is the status word in the document's language. */
  public record Task(
      String group, String name, String start, String end, String status, String statusLabel) {}

  /** A line chart, or null when it has more categories or series than a chart can show. */
  public static String line(
      String title,
      String xLabel,
      String yLabel,
      List<String> categories,
      List<Series> series,
      BigDecimal target,
      String targetLabel) {
    return line(title, xLabel, yLabel, categories, series, target, targetLabel, null);
  }

  /**
   * A line chart whose value axis runs at least up to {@code yMax} (null: to its own values), so
   * that small multiples share one scale; null when it has more categories or series than a chart
   * can show.
   */
  public static String line(
      String title,
      String xLabel,
      String yLabel,
      List<String> categories,
      List<Series> series,
      BigDecimal target,
      String targetLabel,
      BigDecimal yMax) {
    if (categories.isEmpty()
        || categories.size() > ChartSpecParser.MAX_CATEGORIES
        || series.isEmpty()
        || series.size() > ChartSpecParser.MAX_SERIES) {
      return null;
    }
    List<String> cats = distinct(categories);
    List<String> names = distinct(series.stream().map(Series::name).toList());
    return json(
        g -> {
          g.writeStringField("type", "line");
          g.writeStringField("title", fit(title));
          g.writeStringField("xLabel", fit(xLabel));
          g.writeStringField("yLabel", fit(yLabel));
          g.writeArrayFieldStart("categories");
          for (String c : cats) {
            g.writeString(c);
          }
          g.writeEndArray();
          g.writeArrayFieldStart("series");
          for (int i = 0; i < series.size(); i++) {
            g.writeStartObject();
            g.writeStringField("name", names.get(i));
            g.writeArrayFieldStart("values");
            for (BigDecimal v : series.get(i).values()) {
              if (v == null) {
                g.writeNull();
              } else {
                g.writeNumber(v);
              }
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          if (target != null) {
            g.writeNumberField("target", target);
            g.writeStringField("targetLabel", fit(targetLabel));
          }
          if (yMax != null) {
            g.writeNumberField("yMax", yMax);
          }
        });
  }

  /** A Gantt chart, or null when it has more tasks than a chart can show. */
  public static String gantt(String title, String asOf, String asOfLabel, List<Task> tasks) {
    if (tasks.isEmpty() || tasks.size() > ChartSpecParser.MAX_TASKS) {
      return null;
    }
    return json(
        g -> {
          g.writeStringField("type", "gantt");
          g.writeStringField("title", fit(title));
          if (asOf != null) {
            g.writeStringField("asOf", asOf);
            g.writeStringField("asOfLabel", fit(asOfLabel));
          }
          g.writeArrayFieldStart("tasks");
          for (Task t : tasks) {
            String name = fit(t.name());
            g.writeStartObject();
            g.writeStringField("group", fit(t.group()));
            g.writeStringField("name", name == null || name.isEmpty() ? BLANK : name);
            g.writeStringField("start", t.start());
            g.writeStringField("end", t.end());
            g.writeStringField("status", t.status());
            if (t.statusLabel() != null) {
              g.writeStringField("statusLabel", fit(t.statusLabel()));
            }
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String json(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
