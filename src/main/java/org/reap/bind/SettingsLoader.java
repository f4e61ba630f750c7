package org.reap.bind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.RepositoryLoader;
import org.reap.load.YamlLoader;
import org.reap.model.Node;
import org.reap.schema.Kinds;
import org.reap.schema.ObjType;
import org.reap.schema.Settings;
import org.reap.validate.Suggest;

/**
 * Reads {@value Settings#FILE} at the root of a plans folder; {@link Settings#NONE} when there is
 * none.
 */
public final class SettingsLoader {
  private SettingsLoader() {}

  public static Settings load(Path root, Path cwd, Diagnostics diags) {
    if (root == null) {
      return Settings.NONE;
    }
    Path f = root.resolve(Settings.FILE);
    if (!Files.isRegularFile(f)) {
      return Settings.NONE;
    }
    String shown = RepositoryLoader.display(cwd, f);
    YamlLoader.Loaded loaded = YamlLoader.load(f, shown, diags);
    if (loaded == null) {
      return Settings.NONE;
    }
    Node.Obj o = SchemaBinder.bindSettings(loaded.file(), loaded.root(), diags);
    if (o == null) {
      return Settings.NONE;
    }
    int fy = 0;
    Node.Obj fyo = o.obj("fiscal_year");
    if (fyo != null && fyo.string("starts") != null) {
      fy = month(fyo.string("starts").trim());
      if (fy == 0) {
        diags.error(
            "settings.fiscal-year",
            fyo.spanOf("starts"),
            "\"" + fyo.string("starts") + "\" is not a month",
            "write the month the fiscal year starts in, such as July or 7");
      }
    }
    Map<String, String> statuses = new LinkedHashMap<>();
    if (o.get("statuses").orElse(null) instanceof Node.Dict d) {
      d.entries()
          .forEach(
              (word, v) -> {
                if (v instanceof Node.Val val) {
                  statuses.put(word, val.value().toString());
                }
              });
    }
    Map<String, List<Settings.CustomField>> fields = new LinkedHashMap<>();
    if (o.get("fields").orElse(null) instanceof Node.Dict d) {
      d.entries()
          .forEach(
              (target, v) -> {
                if (!Settings.TARGETS.containsKey(target)) {
                  diags.error(
                      "settings.unknown-target",
                      v.span(),
                      "\"" + target + "\" is not a row or kind fields can be added to",
                      Suggest.didYouMean(target, Settings.TARGETS.keySet())
                          + "allowed: "
                          + String.join(", ", Settings.TARGETS.keySet()));
                  return;
                }
                List<Settings.CustomField> list = new ArrayList<>();
                for (Node n : ((Node.Lst) v).items()) {
                  Settings.CustomField cf =
                      field((Node.Obj) n, Settings.TARGETS.get(target), diags);
                  if (cf != null) {
                    list.add(cf);
                  }
                }
                fields.put(target, List.copyOf(list));
              });
    }
    List<Settings.Column> columns = new ArrayList<>();
    Node.Obj table = o.obj("action_table");
    if (table != null) {
      List<String> known = new ArrayList<>(Settings.BUILT_IN_COLUMNS);
      fields.getOrDefault("action", List.of()).forEach(cf -> known.add(cf.name()));
      for (Node n : table.list("columns")) {
        Node.Obj c = (Node.Obj) n;
        String field = c.string("field").trim();
        if (!known.contains(field)) {
          diags.error(
              "settings.unknown-column",
              c.spanOf("field"),
              "\""
                  + field
                  + "\" is neither a built-in field of an action nor one of this repository's own",
              Suggest.didYouMean(field, known) + "columns allowed: " + String.join(", ", known));
          continue;
        }
        columns.add(new Settings.Column(field, texts(c, "label")));
      }
    }
    return new Settings(fy, Map.copyOf(statuses), fields, List.copyOf(columns), shown);
  }

  private static Settings.CustomField field(Node.Obj f, String group, Diagnostics diags) {
    String name = f.string("name");
    String type = f.string("type");
    if (name == null || type == null) {
      return null;
    }
    name = name.trim();
    if (!name.matches("[a-z][a-z0-9_]{0,59}")) {
      diags.error(
          "settings.field-name",
          f.spanOf("name"),
          "\"" + name + "\" cannot be a field name",
          "use lower-case letters, digits and _, starting with a letter, such as "
              + name.toLowerCase(java.util.Locale.ROOT)
                  .replaceAll("[^a-z0-9]+", "_")
                  .replaceAll("^[^a-z]+|_+$", ""));
      return null;
    }
    ObjType builtIn = builtIn(group);
    if (builtIn != null && builtIn.fields().containsKey(name)) {
      diags.error(
          "settings.field-exists",
          f.spanOf("name"),
          "\"" + name + "\" is already a built-in field of " + group,
          "choose another name, such as " + name + "_local");
      return null;
    }
    List<String> values =
        f.list("values").stream().map(n -> ((Node.Val) n).value().toString().trim()).toList();
    if (type.equals("list") && values.isEmpty()) {
      diags.error(
          "settings.list-values",
          f.spanOf("type"),
          "the list field \"" + name + "\" names no values",
          "add \"values: [...]\" with the allowed words, in order");
      return null;
    }
    List<String> to =
        f.list("to").stream().map(n -> ((Node.Val) n).value().toString().trim()).toList();
    boolean required = Boolean.TRUE.equals(f.value("required"));
    return new Settings.CustomField(
        name, texts(f, "label"), type, required, values, to, f.string("description"));
  }

  private static ObjType builtIn(String group) {
    for (Kinds.Kind k : Kinds.all().values()) {
      ObjType t = find(k.root(), group, new java.util.HashSet<>());
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static ObjType find(org.reap.schema.Type t, String name, java.util.Set<ObjType> seen) {
    return switch (t) {
      case ObjType o -> {
        if (!seen.add(o)) {
          yield null;
        }
        if (o.name().equals(name)) {
          yield o;
        }
        for (org.reap.schema.Field f : o.fields().values()) {
          ObjType r = find(f.type(), name, seen);
          if (r != null) {
            yield r;
          }
        }
        yield null;
      }
      case org.reap.schema.ListType l -> find(l.item(), name, seen);
      case org.reap.schema.MapType m -> find(m.value(), name, seen);
      case org.reap.schema.ScalarType s -> null;
    };
  }

  /** A text field by language: the value (en) and its translations. */
  private static Map<String, String> texts(Node.Obj o, String field) {
    Map<String, String> m = new LinkedHashMap<>();
    if (o.get(field).orElse(null) instanceof Node.Val v) {
      m.put("en", v.value().toString());
      v.translations().forEach((lang, t) -> m.put(lang, t.value().toString()));
    }
    return Map.copyOf(m);
  }

  private static int month(String s) {
    if (s.matches("\\d{1,2}")) {
      int m = Integer.parseInt(s);
      return m >= 1 && m <= 12 ? m : 0;
    }
    for (Month m : Month.values()) {
      String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      if (full.equalsIgnoreCase(s) || full.substring(0, 3).equalsIgnoreCase(s)) {
        return m.getValue();
      }
    }
    return 0;
  }
}
