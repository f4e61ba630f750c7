package org.reap.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reap.schema.ObjType;
import org.reap.source.Span;

/**
 * A value checked against the schema, with its position. Scalars hold typed values: String, {@link
 * Markdown}, {@link When}, LocalDate, YearMonth, Long, BigDecimal, Boolean, {@link Length}.
 */
public sealed interface Node permits Node.Obj, Node.Lst, Node.Val, Node.Dict {
  Span span();

  /**
   * A group of fields. {@code invalid} names fields that were present but could not be read
   * (already reported), so later rules do not report them again as missing.
   */
  record Obj(Span span, ObjType type, Map<String, Node> fields, java.util.Set<String> invalid)
      implements Node {
    public Obj(Span span, ObjType type, Map<String, Node> fields) {
      this(span, type, fields, java.util.Set.of());
    }

    /** True when the field was written but its value was not valid. */
    public boolean invalid(String name) {
      return invalid.contains(name);
    }

    public Optional<Node> get(String name) {
      return Optional.ofNullable(fields.get(name));
    }

    public boolean has(String name) {
      return fields.containsKey(name);
    }

    /** The typed value of a scalar field, or null when absent. */
    @SuppressWarnings("unchecked")
    public <T> T value(String name) {
      Node n = fields.get(name);
      return n instanceof Val v ? (T) v.value() : null;
    }

    public String string(String name) {
      Object v = value(name);
      return v == null ? null : v.toString();
    }

    public List<Node> list(String name) {
      Node n = fields.get(name);
      return n instanceof Lst l ? l.items() : List.of();
    }

    public Obj obj(String name) {
      Node n = fields.get(name);
      return n instanceof Obj o ? o : null;
    }

    /** Position of a field's value, or of this object when the field is absent. */
    public Span spanOf(String name) {
      Node n = fields.get(name);
      return n == null ? span : n.span();
    }
  }

  record Lst(Span span, List<Node> items) implements Node {}

  /**
   * A scalar. {@code translations} holds the same text in other languages, by BCP 47 tag, when the
   * YAML gave the field as a mapping of languages ({@code title: {en: ..., es: ...}}); {@code
   * value} and {@code span} are then the entry in the document's own language.
   */
  record Val(Span span, Object value, Map<String, Val> translations) implements Node {
    public Val(Span span, Object value) {
      this(span, value, Map.of());
    }

    /** The text in {@code language}, or this value when there is no translation into it. */
    public Val in(String language) {
      Val t = language == null ? null : translations.get(language);
      return t == null ? new Val(span, value) : t;
    }
  }

  /** Names chosen by the user, each with a value; {@code keys} holds where each name is written. */
  record Dict(Span span, Map<String, Node> entries, Map<String, Span> keys) implements Node {
    public Dict(Span span, Map<String, Node> entries) {
      this(span, entries, Map.of());
    }

    /** Position of a name, or of its value where the name's is not known. */
    public Span keySpan(String name) {
      Span k = keys.get(name);
      if (k != null) {
        return k;
      }
      Node v = entries.get(name);
      return v == null ? span : v.span();
    }
  }
}
