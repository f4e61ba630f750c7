package org.reap.render.chart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reap.render.RenderException;

/**
 * A tiny JSON tree read with jackson-core's streaming parser, each value remembering where it
 * started, so that spec errors can point at a column.
 */
final class JsonTree {
  static final int MAX_CHARS = 1_000_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(16)
                  .maxStringLength(100_000)
                  .maxNumberLength(64)
                  .build())
          .build();

  /** A JSON value: Map, List, String, Double, Boolean, or null (JSON null), and its position. */
  record Node(Object value, int line, int column) {
    boolean isNull() {
      return value == null;
    }

    String where() {
      return line <= 1 ? "column " + column : "line " + line + ", column " + column;
    }
  }

  private JsonTree() {}

  static Node read(String json, String where) throws RenderException {
    if (json.length() > MAX_CHARS) {
      throw new RenderException(
          "The chart specification is larger than "
              + MAX_CHARS
              + " characters; a chart that big cannot be read. Summarise the data first.",
          where);
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() == null) {
        throw new RenderException(
            "The chart specification (data-chart) is empty; it must be a JSON object"
                + " such as {\"type\":\"line\", ...}.",
            where);
      }
      Node root = value(p);
      if (p.nextToken() != null) {
        throw new RenderException(
            "The chart specification has extra text after the JSON object at "
                + at(p.currentTokenLocation())
                + ".",
            where);
      }
      return root;
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      throw new RenderException(
          "The chart specification (data-chart) is not valid JSON at "
              + at(e.getLocation())
              + ": "
              + msg
              + ".",
          where,
          e);
    } catch (IOException e) {
      throw new RenderException(
          "The chart specification could not be read: " + e.getMessage(), where, e);
    }
  }

  private static String at(JsonLocation loc) {
    if (loc == null) {
      return "an unknown position";
    }
    return loc.getLineNr() <= 1
        ? "column " + loc.getColumnNr()
        : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private static Node value(JsonParser p) throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    JsonToken t = p.currentToken();
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Node> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, value(p));
        }
        yield new Node(Collections.unmodifiableMap(map), line, col);
      }
      case START_ARRAY -> {
        List<Node> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        yield new Node(Collections.unmodifiableList(list), line, col);
      }
      case VALUE_STRING -> new Node(p.getText(), line, col);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node(p.getDoubleValue(), line, col);
      case VALUE_TRUE -> new Node(Boolean.TRUE, line, col);
      case VALUE_FALSE -> new Node(Boolean.FALSE, line, col);
      case VALUE_NULL -> new Node(null, line, col);
      default -> throw new JsonParseProblem("unexpected " + t, p);
    };
  }

  /** Thrown for token kinds that JSON text cannot produce here. */
  private static final class JsonParseProblem extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    JsonParseProblem(String msg, JsonParser p) {
      super(msg, p.currentTokenLocation());
    }
  }
}
