package org.reap.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** Chart specs as JSON for the chart element templates print (see docs/templates.md). */
public final class Charts {
  private Charts() {}

  public record Series(String name, List<BigDecimal> values) {}

  public record Task(String group, String name, String start, String end, String status) {}

  public static String line(String title, String xLabel, String yLabel, List<String> categories, List<Series> series, BigDecimal target, String targetLabel) {
    return json(
        g -> {
          g.writeStringField("type", "line");
          g.writeStringField("title", title);
          g.writeStringField("xLabel", xLabel);
          g.writeStringField("yLabel", yLabel);
          g.writeArrayFieldStart("categories");
          for (String c : categories) {
            g.writeString(c);
          }
          g.writeEndArray();
          g.writeArrayFieldStart("series");
          for (Series s : series) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeArrayFieldStart("values");
            for (BigDecimal v : s.values()) {
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
            g.writeStringField("targetLabel", targetLabel);
          }
        });
  }

  public static String gantt(String title, String asOf, String asOfLabel, List<Task> tasks) {
    return json(
        g -> {
          g.writeStringField("type", "gantt");
          g.writeStringField("title", title);
          if (asOf != null) {
            g.writeStringField("asOf", asOf);
            g.writeStringField("asOfLabel", asOfLabel);
          }
          g.writeArrayFieldStart("tasks");
          for (Task t : tasks) {
            g.writeStartObject();
            g.writeStringField("group", t.group());
            g.writeStringField("name", t.name());
            g.writeStringField("start", t.start());
            g.writeStringField("end", t.end());
            g.writeStringField("status", t.status());
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
