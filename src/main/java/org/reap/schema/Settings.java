package org.reap.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A repository's own settings, read from {@value #FILE} at the root of the plans folder: when its
 * fiscal year starts, its own status words, the fields it adds to a kind or to rows, and the
 * columns of its action table. {@link #NONE} is a repository without the file.
 */
public record Settings(
    int fiscalYearStart,
    Map<String, String> statuses,
    Map<String, List<CustomField>> fields,
    List<Column> actionColumns,
    String source) {

  /** The file's name, at the root of the plans folder. */
  public static final String FILE = "reap-settings.yaml";

  public static final Settings NONE = new Settings(0, Map.of(), Map.of(), List.of(), null);

  /** The types a custom field may have, as the settings file names them. */
  public static final List<String> FIELD_TYPES =
      List.of("text", "number", "date", "yes-no", "list", "reference");

  /**
   * The rows a custom field can be added to, each its own schema group but the action (the schema's
   * task).
   */
  private static final List<String> ROWS =
      List.of(
          "action",
          "objective",
          "goal",
          "deliverable",
          "milestone",
          "indicator",
          "attachment",
          "team");

  /**
   * Rows and kinds a custom field can be added to, as the settings file names them, and the schema
   * group each stands for (an action is the schema's task).
   */
  public static final Map<String, String> TARGETS = targets();

  private static Map<String, String> targets() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : Kinds.all().keySet()) {
      m.put(k, k);
    }
    for (String row : ROWS) {
      m.put(row, row.equals("action") ? "task" : row);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Built-in columns of the action table, by key, with the label key they print under. */
  public static final List<String> BUILT_IN_COLUMNS =
      List.of(
          "number",
          "text",
          "when",
          "due",
          "deliverables",
          "resources",
          "indicators",
          "status",
          "leads",
          "team",
          "notes");

  /**
   * A field a city adds. {@code label} is by language (en at least); {@code values} lists the
   * allowed words of a list, in order; {@code targets} what a reference may point at.
   */
  public record CustomField(
      String name,
      Map<String, String> label,
      String type,
      boolean required,
      List<String> values,
      List<String> targets,
      String doc) {
    public Type schemaType() {
      return switch (type) {
        case "number" -> ScalarType.of(Scalar.NUMBER);
        case "date" -> ScalarType.of(Scalar.WHEN);
        case "yes-no" -> ScalarType.of(Scalar.BOOLEAN);
        case "list" -> ScalarType.oneOf(values.toArray(String[]::new));
        case "reference" ->
            ScalarType.ref(
                targets.isEmpty() ? new String[] {"document"} : targets.toArray(String[]::new));
        default -> ScalarType.of(Scalar.TEXT);
      };
    }

    /** The label in {@code lang}, else in English, else the name. */
    public String label(String lang) {
      String l = label.get(lang);
      if (l == null) {
        l = label.get("en");
      }
      return l == null ? name : l;
    }
  }

  /** A column of the action table: a built-in or custom field, and its heading by language. */
  public record Column(String field, Map<String, String> label) {
    public String label(String lang) {
      String l = label.get(lang);
      return l != null ? l : label.get("en");
    }
  }

  private static final Map<Settings, Map<ObjType, ObjType>> EXTENDED = new ConcurrentHashMap<>();

  /** True when the file declared anything. */
  public boolean present() {
    return source != null;
  }

  public boolean fiscalYears() {
    return fiscalYearStart >= 1 && fiscalYearStart <= 12;
  }

  /** The custom fields declared for a schema group ("task", "plan"), in order. */
  public List<CustomField> fieldsFor(String group) {
    List<CustomField> out = new ArrayList<>();
    fields.forEach(
        (target, list) -> {
          if (group.equals(TARGETS.get(target))) {
            out.addAll(list);
          }
        });
    return out;
  }

  /**
   * {@code type} with this repository's custom fields for it added; the type itself when it has
   * none.
   */
  public ObjType extend(ObjType type) {
    if (fields.isEmpty()) {
      return type;
    }
    List<CustomField> extra = fieldsFor(type.name());
    if (extra.isEmpty()) {
      return type;
    }
    return EXTENDED
        .computeIfAbsent(this, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            type,
            t -> {
              ObjType copy = new ObjType(t.name(), t.plural(), t.doc()).include(t);
              for (CustomField f : extra) {
                String doc =
                    f.doc() != null ? f.doc() : f.label("en") + " (this repository's own field).";
                if (f.required()) {
                  copy.req(f.name(), f.schemaType(), doc);
                } else {
                  copy.opt(f.name(), f.schemaType(), doc);
                }
              }
              if (t.shorthand() != null) {
                copy.shorthand(t.shorthand());
              }
              return copy;
            });
  }

  /** The reap status a city's word stands for, or null. */
  public String status(String word) {
    return statuses.get(word);
  }
}
