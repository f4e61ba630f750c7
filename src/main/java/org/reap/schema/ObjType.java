package org.reap.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A group of named fields. Where {@code shorthand} is set, an item may be written as a bare value
 * and stands for {@code {shorthand: value}} (a task written as one line of text, say).
 */
public final class ObjType implements Type {
  private final String name;
  private final String plural;
  private final String doc;
  private final Map<String, Field> fields = new LinkedHashMap<>();
  private String shorthand;

  public ObjType(String name, String plural, String doc) {
    this.name = name;
    this.plural = plural;
    this.doc = doc;
  }

  /** Stable name, used in messages, reference targets and the JSON Schema. */
  public String name() {
    return name;
  }

  public String plural() {
    return plural;
  }

  public String doc() {
    return doc;
  }

  public Map<String, Field> fields() {
    return Collections.unmodifiableMap(fields);
  }

  public String shorthand() {
    return shorthand;
  }

  public ObjType req(String field, Type type, String doc) {
    fields.put(field, new Field(field, type, true, doc));
    return this;
  }

  public ObjType opt(String field, Type type, String doc) {
    fields.put(field, new Field(field, type, false, doc));
    return this;
  }

  public ObjType req(String field, Scalar s, String doc) {
    return req(field, ScalarType.of(s), doc);
  }

  public ObjType opt(String field, Scalar s, String doc) {
    return opt(field, ScalarType.of(s), doc);
  }

  /** Copies another type's fields in (shared headers). */
  public ObjType include(ObjType other) {
    fields.putAll(other.fields);
    return this;
  }

  public ObjType shorthand(String field) {
    this.shorthand = field;
    return this;
  }

  public boolean hasId() {
    return fields.containsKey("id");
  }

  @Override
  public String noun() {
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ")
        + name.replace('-', ' ')
        + " (a group of fields)";
  }

  @Override
  public String toString() {
    return name;
  }
}
