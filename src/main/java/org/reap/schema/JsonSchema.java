package org.reap.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a JSON Schema (draft-07, which editors such as VS Code's YAML extension understand) for a
 * kind, from the same definition the validator uses. Editors read YAML as 1.2, so the schema allows
 * the forms reap accepts: yes/no for booleans, and numbers where reap reads text.
 */
public final class JsonSchema {
  private static final String ID = "^[a-z0-9][a-z0-9-]{0,79}$";
  private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
  private static final String MONTH = "^\\d{4}-\\d{2}$";
  private static final String WHEN_PART = "(\\d{4}|XXXX)(-\\d{2}(-\\d{2})?)?";
  private static final String WHEN = "^([Tt][Bb][Dd]|" + WHEN_PART + "(/" + WHEN_PART + ")?)$";

  private final Map<String, ObjType> defs = new LinkedHashMap<>();

  private static final String FISCAL =
      "([Ff][Yy] ?)?\\d{4}-\\d{2}(\\d{2})?|[Ff][Yy] ?(\\d{2}|\\d{4})";
  private final Settings settings;

  private JsonSchema(Settings settings) {
    this.settings = settings;
  }

  public static String forKind(Kinds.Kind kind) {
    return forKind(kind, Settings.NONE);
  }

  /**
   * As {@link #forKind(Kinds.Kind)}, with a repository's own fields, status words and fiscal years,
   * for editor completion.
   */
  public static String forKind(Kinds.Kind kind, Settings settings) {
    return new JsonSchema(settings).write(kind);
  }

  private String write(Kinds.Kind kind) {
    collect(kind.root());
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", "http://json-schema.org/draft-07/schema#");
      g.writeStringField(
          "$id",
          "https://reap.invalid/schema/v" + Kinds.SCHEMA_VERSION + "/" + kind.name() + ".json");
      g.writeStringField("title", "reap " + kind.name());
      g.writeStringField("description", kind.summary());
      writeObjectBody(g, settings.extend(kind.root()));
      g.writeObjectFieldStart("definitions");
      for (ObjType o : defs.values()) {
        if (o.name().equals(kind.root().name())) {
          continue;
        }
        g.writeObjectFieldStart(o.name());
        writeObjTypeWithShorthand(g, o);
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString() + "\n";
  }

  private void collect(Type t) {
    switch (t) {
      case ObjType declared -> {
        ObjType o = settings.extend(declared);
        if (defs.putIfAbsent(o.name(), o) == null) {
          o.fields().values().forEach(f -> collect(f.type()));
        }
      }
      case ListType l -> collect(l.item());
      case MapType m -> collect(m.value());
      case ScalarType s -> {}
    }
  }

  private void writeObjTypeWithShorthand(JsonGenerator g, ObjType o) throws IOException {
    if (o.shorthand() == null) {
      writeObjectBody(g, o);
      return;
    }
    g.writeArrayFieldStart("anyOf");
    g.writeStartObject();
    writeScalar(g, (ScalarType) o.fields().get(o.shorthand()).type());
    g.writeEndObject();
    g.writeStartObject();
    writeObjectBody(g, o);
    g.writeEndObject();
    g.writeEndArray();
  }

  private void writeObjectBody(JsonGenerator g, ObjType o) throws IOException {
    g.writeStringField("type", "object");
    if (!o.doc().isEmpty()) {
      g.writeStringField("description", o.doc());
    }
    g.writeBooleanField("additionalProperties", false);
    g.writeArrayFieldStart("required");
    for (Field f : o.fields().values()) {
      if (f.required()) {
        g.writeString(f.name());
      }
    }
    g.writeEndArray();
    g.writeObjectFieldStart("properties");
    for (Field f : o.fields().values()) {
      g.writeObjectFieldStart(f.name());
      g.writeStringField("description", f.doc());
      writeType(g, f.type());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void writeType(JsonGenerator g, Type t) throws IOException {
    switch (t) {
      case ObjType o -> g.writeStringField("$ref", "#/definitions/" + o.name());
      case ListType l -> {
        g.writeStringField("type", "array");
        g.writeObjectFieldStart("items");
        writeType(g, l.item());
        g.writeEndObject();
      }
      case MapType m -> {
        g.writeStringField("type", "object");
        g.writeObjectFieldStart("additionalProperties");
        writeType(g, m.value());
        g.writeEndObject();
      }
      case ScalarType s -> writeScalar(g, s);
    }
  }

  private void writeScalar(JsonGenerator g, ScalarType s) throws IOException {
    switch (s.scalar()) {
      case STRING, TEXT -> {
        // one value, or the same text in several languages: {en: ..., es: ...}
        g.writeArrayFieldStart("anyOf");
        g.writeStartObject();
        g.writeArrayFieldStart("type");
        g.writeString("string");
        g.writeString("number");
        g.writeString("boolean");
        g.writeEndArray();
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("type", "object");
        g.writeNumberField("minProperties", 1);
        g.writeObjectFieldStart("propertyNames");
        g.writeStringField("pattern", "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
        g.writeEndObject();
        g.writeObjectFieldStart("additionalProperties");
        g.writeArrayFieldStart("type");
        g.writeString("string");
        g.writeString("number");
        g.writeString("boolean");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
      }
      case PATH, URL, EMAIL, DURATION -> {
        g.writeArrayFieldStart("type");
        g.writeString("string");
        g.writeString("number");
        g.writeString("boolean");
        g.writeEndArray();
      }
      case ID, REF -> pattern(g, ID);
      case DATE -> pattern(g, DATE);
      case MONTH -> pattern(g, MONTH);
      case WHEN -> {
        // A bare year (when: 2021) is a number to a YAML 1.2 editor.
        g.writeArrayFieldStart("anyOf");
        g.writeStartObject();
        pattern(
            g,
            settings.fiscalYears()
                ? "^([Tt][Bb][Dd]|"
                    + WHEN_PART
                    + "(/"
                    + WHEN_PART
                    + ")?|("
                    + FISCAL
                    + ")(/("
                    + FISCAL
                    + "))?)$"
                : WHEN);
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("type", "integer");
        g.writeNumberField("minimum", 1000);
        g.writeNumberField("maximum", 9999);
        g.writeEndObject();
        g.writeEndArray();
      }
      case LANGUAGE -> pattern(g, "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
      case INTEGER -> g.writeStringField("type", "integer");
      case NUMBER -> g.writeStringField("type", "number");
      case BOOLEAN -> {
        g.writeArrayFieldStart("enum");
        g.writeBoolean(true);
        g.writeBoolean(false);
        for (String v :
            new String[] {"yes", "no", "true", "false", "Yes", "No", "YES", "NO", "y", "n"}) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      case ENUM -> {
        g.writeArrayFieldStart("enum");
        for (String v : s.values()) {
          g.writeString(v);
        }
        if (s.values().equals(Kinds.STATUSES)) {
          for (String v : new java.util.TreeSet<>(settings.statuses().keySet())) {
            g.writeString(v);
          }
        }
        g.writeEndArray();
      }
    }
  }

  private static void pattern(JsonGenerator g, String p) throws IOException {
    g.writeStringField("type", "string");
    g.writeStringField("pattern", p);
  }
}
