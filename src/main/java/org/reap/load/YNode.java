package org.reap.load;

import java.util.List;
import org.reap.source.Span;

/** A YAML node as written, with its position. Scalars keep their raw text: no YAML 1.1 typing. */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {
  Span span();

  /** A word for messages: "a mapping", "a list", "a text value". */
  String describe();

  record Entry(YScalar key, YNode value) {}

  record YMap(Span span, List<Entry> entries) implements YNode {
    public YNode get(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return e.value();
        }
      }
      return null;
    }

    public Entry entry(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return e;
        }
      }
      return null;
    }

    @Override
    public String describe() {
      return "a group of fields (a mapping)";
    }
  }

  record YSeq(Span span, List<YNode> items) implements YNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar. {@code plain} is true when it was written without quotes; {@code isNull} is true for
   * an empty plain value, {@code ~} or {@code null}.
   */
  record YScalar(Span span, String text, boolean plain, boolean isNull) implements YNode {
    @Override
    public String describe() {
      return isNull ? "an empty value" : "a single value";
    }
  }
}
