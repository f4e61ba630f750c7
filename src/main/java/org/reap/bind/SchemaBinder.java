package org.reap.bind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.YNode;
import org.reap.load.YNode.YMap;
import org.reap.load.YNode.YScalar;
import org.reap.load.YNode.YSeq;
import org.reap.model.Document;
import org.reap.model.Markdown;
import org.reap.model.Node;
import org.reap.schema.Field;
import org.reap.schema.Kinds;
import org.reap.schema.ListType;
import org.reap.schema.MapType;
import org.reap.schema.ObjType;
import org.reap.schema.ScalarType;
import org.reap.schema.Type;
import org.reap.source.SourceFile;
import org.reap.source.Span;
import org.reap.validate.Suggest;

/**
 * Checks a file's YAML tree against its kind's schema and builds the typed tree. Every scalar is
 * read from its text as written, by what its field expects, so YAML 1.1 typing never applies.
 * Collects every problem; a document with structural errors is still returned (with the bad values
 * left out) so later rules can check the rest.
 *
 * <p>This class walks the structure (groups of fields, lists, maps; unknown, missing and empty
 * fields); {@link Scalars} reads each value and {@link TranslatedText} a text given per language.
 */
public final class SchemaBinder {
  /** What an id is written as: lower-case letters, digits and hyphens, at most 80. */
  public static final Pattern ID = Scalars.ID;

  private final SourceFile file;
  private final Diagnostics diags;

  /**
   * The document's own language (its header field language, else en): the text of a plain value.
   */
  private String defaultLanguage = TranslatedText.DEFAULT_LANGUAGE;

  private final org.reap.schema.Settings settings;
  private final Scalars scalars;
  private final TranslatedText translated;

  /** The city's status word the last status value was written in, where it was one. */
  private String statusWord;

  private SchemaBinder(SourceFile file, Diagnostics diags, org.reap.schema.Settings settings) {
    this.file = file;
    this.diags = diags;
    this.settings = settings;
    this.scalars = new Scalars(settings);
    this.translated = new TranslatedText(diags, this::scalar, this::wrongType);
  }

  /** Binds a whole file; null when it is not a reap document at all. */
  public static Document bind(SourceFile file, YNode root, Diagnostics diags) {
    return bind(file, root, diags, org.reap.schema.Settings.NONE);
  }

  /**
   * As {@link #bind(SourceFile, YNode, Diagnostics)}, with a repository's own fields, status words
   * and fiscal year.
   */
  public static Document bind(
      SourceFile file, YNode root, Diagnostics diags, org.reap.schema.Settings settings) {
    return new SchemaBinder(file, diags, settings).document(root);
  }

  /**
   * Checks a settings file ({@value org.reap.schema.Settings#FILE}) against its shape; null when it
   * is not a group of fields.
   */
  public static Node.Obj bindSettings(SourceFile file, YNode root, Diagnostics diags) {
    if (!(root instanceof YMap map)) {
      diags.error(
          "schema.top-level",
          root.span(),
          "a settings file must be a group of fields, but this file is " + root.describe(),
          "start the file with \"reap: 1\"");
      return null;
    }
    if (map.get("reap") instanceof YScalar vs
        && !vs.isNull()
        && Scalars.INTEGER.matcher(vs.text().trim()).matches()
        && Integer.parseInt(vs.text().trim()) != Kinds.SCHEMA_VERSION) {
      diags.error(
          "schema.version",
          vs.span(),
          "this settings file is written for reap schema version "
              + vs.text().trim()
              + ", but this reap reads version "
              + Kinds.SCHEMA_VERSION,
          "write \"reap: " + Kinds.SCHEMA_VERSION + "\"");
      return null;
    }
    return (Node.Obj)
        new SchemaBinder(file, diags, org.reap.schema.Settings.NONE)
            .bind(root, org.reap.schema.SettingsSchema.ROOT, "");
  }

  private Document document(YNode root) {
    if (!(root instanceof YMap map)) {
      diags.error(
          "schema.top-level",
          root.span(),
          "a reap file must be a group of fields, but this file is " + root.describe(),
          "start the file with \"reap: 1\", then \"kind: plan\" (or another kind), each on its own line");
      return null;
    }
    YNode kindNode = map.get("kind");
    List<String> kinds = List.copyOf(Kinds.all().keySet());
    if (kindNode == null) {
      diags.error(
          "schema.missing-kind",
          Span.at(file, map.span().line(), map.span().column()),
          "the file does not say what kind of document it is",
          "add a line \"kind: ...\" with one of: " + String.join(", ", kinds));
      return null;
    }
    if (!(kindNode instanceof YScalar ks) || ks.isNull()) {
      diags.error(
          "schema.unknown-kind",
          kindNode.span(),
          "kind must be one word",
          "use one of: " + String.join(", ", kinds));
      return null;
    }
    Kinds.Kind kind = Kinds.get(ks.text().trim());
    if (kind == null) {
      diags.error(
          "schema.unknown-kind",
          ks.span(),
          "\"" + ks.text() + "\" is not a kind of document reap knows",
          Suggest.didYouMean(ks.text(), kinds) + "kinds are: " + String.join(", ", kinds));
      return null;
    }
    YNode version = map.get("reap");
    if (version instanceof YScalar vs
        && !vs.isNull()
        && Scalars.INTEGER.matcher(vs.text().trim()).matches()) {
      int v = Integer.parseInt(vs.text().trim());
      if (v != Kinds.SCHEMA_VERSION) {
        diags.error(
            "schema.version",
            vs.span(),
            "this file is written for reap schema version "
                + v
                + ", but this reap reads version "
                + Kinds.SCHEMA_VERSION,
            v > Kinds.SCHEMA_VERSION
                ? "update reap"
                : "write \"reap: " + Kinds.SCHEMA_VERSION + "\"");
        return null;
      }
    }
    defaultLanguage = TranslatedText.documentLanguage(map);
    Node.Obj obj = (Node.Obj) bind(root, kind.root(), "");
    return obj == null ? null : new Document(file, kind, obj);
  }

  private Node bind(YNode y, Type type, String where) {
    return switch (type) {
      case ObjType o -> object(y, o, where);
      case ListType l -> list(y, l, where);
      case MapType m -> dict(y, m, where);
      case ScalarType s -> scalar(y, s, where);
    };
  }

  private Node.Obj object(YNode y, ObjType declared, String where) {
    ObjType type = settings.extend(declared);
    if (y instanceof YScalar s && type.shorthand() != null && !s.isNull()) {
      Field f = type.fields().get(type.shorthand());
      Node v = bind(s, f.type(), type.shorthand());
      if (v == null || f.required() && invisible(v, f)) {
        return null;
      }
      Map<String, Node> fields = new LinkedHashMap<>();
      fields.put(type.shorthand(), v);
      missing(type, fields, s.span(), where);
      return new Node.Obj(s.span(), type, fields);
    }
    if (!(y instanceof YMap map)) {
      wrongType(y, type, where);
      return null;
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (YNode.Entry e : map.entries()) {
      String key = e.key().text();
      Field f = type.fields().get(key);
      if (f == null) {
        unknownField(e.key(), type, where);
        unknown.add(key);
        continue;
      }
      if (e.value() instanceof YScalar vs && vs.isNull()) {
        if (f.required()) {
          diags.error(
              "schema.empty-value",
              e.key().span(),
              "\"" + key + "\" has no value",
              "write " + f.type().noun() + " after \"" + key + ": \"");
        }
        continue;
      }
      statusWord = null;
      Node v = bind(e.value(), f.type(), key);
      commentInText(e.value(), f, key);
      if (v != null && !(f.required() && invisible(v, f))) {
        fields.put(key, v);
        if (statusWord != null
            && v instanceof Node.Val
            && !fields.containsKey(key + "_as_written")) {
          // the city's word, kept so documents print it; the value is reap's status it maps to
          fields.put(key + "_as_written", new Node.Val(v.span(), statusWord));
        }
        statusWord = null;
      } else {
        invalid.add(key);
      }
    }
    missing(type, fields, map.span(), where, map, unknown);
    return new Node.Obj(map.span(), type, fields, java.util.Set.copyOf(invalid));
  }

  /**
   * Warns where a YAML comment follows text on the same line of a text field: {@code title: Budget
   * Amendment #12-A} reads as "Budget Amendment", the rest being a comment.
   */
  private void commentInText(YNode value, Field f, String key) {
    if (!(value instanceof YScalar s)
        || !s.plain()
        || s.isNull()
        || !(f.type() instanceof ScalarType st)
        || !(st.scalar() == org.reap.schema.Scalar.STRING
            || st.scalar() == org.reap.schema.Scalar.TEXT)) {
      return;
    }
    Span sp = s.span();
    if (sp.endLine() != sp.line() || sp.endColumn() <= 0) {
      return;
    }
    String line = file.line(sp.endLine());
    int from = Math.min(line.length(), sp.endColumn() - 1);
    Matcher m = COMMENT_AFTER.matcher(line.substring(from));
    if (m.find()) {
      String comment = m.group(1).trim();
      diags.warning(
          "yaml.comment-in-text",
          Span.at(file, sp.endLine(), from + m.start(1) + 1),
          "\""
              + key
              + "\" ends at \""
              + s.text().trim()
              + "\": the \""
              + comment
              + "\" after it is read as a YAML comment and is not printed",
          "if it is part of the text, put the whole text in quotes: "
              + key
              + ": \""
              + s.text().trim()
              + " "
              + comment.replace("\"", "\\\"")
              + "\"");
    }
  }

  private static final Pattern COMMENT_AFTER = Pattern.compile("^\\s+(#.*)$");

  /**
   * Reports a required text (or any of its translations) that a reader would not see: empty, only
   * spaces, or only invisible characters such as a zero-width space. Such a title passes YAML and
   * would otherwise fail only at render time (a PDF must have a title).
   */
  private boolean invisible(Node v, Field f) {
    if (!(v instanceof Node.Val val)
        || !(val.value() instanceof String || val.value() instanceof Markdown)) {
      return false;
    }
    boolean found = false;
    Map<String, Node.Val> texts = new LinkedHashMap<>();
    texts.put(f.name(), val);
    val.translations().forEach((lang, t) -> texts.put(lang, t));
    for (Map.Entry<String, Node.Val> t : texts.entrySet()) {
      String text = t.getValue().value().toString();
      if (invisible(text)) {
        diags.error(
            "schema.empty-value",
            t.getValue().span(),
            "\""
                + f.name()
                + "\" has no visible text"
                + (text.isEmpty() ? "" : " (only spaces or invisible characters)"),
            "write " + f.type().noun() + " after \"" + t.getKey() + ": \"");
        found = true;
      }
    }
    return found;
  }

  /**
   * True when {@code s} has no character a reader could see: only white space, format or control
   * characters.
   */
  public static boolean invisible(String s) {
    return s.codePoints()
        .allMatch(
            cp ->
                Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT);
  }

  private void missing(ObjType type, Map<String, Node> fields, Span at, String where) {
    missing(type, fields, at, where, null, List.of());
  }

  /**
   * Reports required fields that are absent, except one that a misspelt field already stands for.
   */
  private void missing(
      ObjType type,
      Map<String, Node> fields,
      Span at,
      String where,
      YMap map,
      List<String> unknown) {
    for (Field f : type.fields().values()) {
      boolean misspelt =
          unknown.stream()
              .anyMatch(u -> f.name().equals(Suggest.closest(u, type.fields().keySet())));
      if (f.required()
          && !misspelt
          && !fields.containsKey(f.name())
          && (map == null || map.get(f.name()) == null)) {
        String what = where.isEmpty() ? "this file" : "this " + type.name().replace('-', ' ');
        diags.error(
            "schema.missing-field",
            Span.at(file, at.line(), at.column()),
            what
                + " needs \""
                + f.name()
                + "\": "
                + Character.toLowerCase(f.doc().charAt(0))
                + f.doc().substring(1).replaceAll("\\.$", ""),
            "add a line \"" + f.name() + ": ...\" with " + f.type().noun());
      }
    }
  }

  private void unknownField(YScalar key, ObjType type, String where) {
    List<String> allowed =
        type.fields().keySet().stream().filter(k -> !k.equals("source_note")).toList();
    diags.error(
        "schema.unknown-field",
        key.span(),
        "\""
            + key.text()
            + "\" is not a field of "
            + (where.isEmpty()
                ? article(type.name()) + " file"
                : article(type.name().replace('-', ' '))),
        Suggest.didYouMean(key.text(), allowed)
            + "fields allowed here: "
            + String.join(", ", allowed));
  }

  private static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private void wrongType(YNode y, Type expected, String where) {
    String field = where.isEmpty() ? "this value" : "\"" + where + "\"";
    String hint =
        switch (expected) {
          case ListType l -> "write each item on its own line, starting with \"- \"";
          case ObjType o ->
              y instanceof YSeq
                  ? "remove the \"- \": "
                      + field
                      + " is one group of fields ("
                      + String.join(", ", firstFields(o))
                      + "), not a list"
                  : "write its fields ("
                      + String.join(", ", firstFields(o))
                      + ") on the lines below, indented";
          case MapType m -> "write one \"name: value\" per line, indented";
          case ScalarType s ->
              y instanceof YSeq
                  ? "write a single value, not a list"
                  : "write a single value on the same line";
        };
    diags.error(
        "schema.wrong-type",
        y.span(),
        field + " should be " + expected.noun() + ", but it is " + y.describe(),
        hint);
  }

  private static List<String> firstFields(ObjType o) {
    List<String> req = new ArrayList<>();
    for (Field f : o.fields().values()) {
      if (f.required()) {
        req.add(f.name());
      }
    }
    return req.isEmpty()
        ? List.copyOf(o.fields().keySet()).subList(0, Math.min(4, o.fields().size()))
        : req;
  }

  private Node list(YNode y, ListType type, String where) {
    if (!(y instanceof YSeq seq)) {
      wrongType(y, type, where);
      return null;
    }
    List<Node> items = new ArrayList<>(seq.items().size());
    for (YNode item : seq.items()) {
      if (item instanceof YScalar s && s.isNull()) {
        Span at = item.span();
        String text = file.line(at.line());
        if (at.column() >= 2
            && text.length() >= at.column() - 1
            && text.charAt(at.column() - 2) == '-') {
          at = Span.at(file, at.line(), at.column() - 1);
        }
        diags.error(
            "schema.empty-item",
            at,
            "this list item is empty",
            "write the item after \"- \", or delete the line");
        continue;
      }
      Node n = bind(item, type.item(), where);
      if (n != null) {
        items.add(n);
      }
    }
    return new Node.Lst(seq.span(), List.copyOf(items));
  }

  private Node dict(YNode y, MapType type, String where) {
    if (!(y instanceof YMap map)) {
      wrongType(y, type, where);
      return null;
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, Span> keys = new LinkedHashMap<>();
    for (YNode.Entry e : map.entries()) {
      if (Scalars.controlCharacter(e.key().text()) >= 0) {
        diags.error(
            "schema.control-character",
            e.key().span(),
            "this "
                + type.keyNoun()
                + " name holds an invisible control character, written as a backslash escape",
            "remove the escape; it was probably copied in by accident");
        continue;
      }
      if (invisible(e.key().text())) {
        // a chart would have a series without a name, and a table a row without a label
        diags.error(
            "schema.empty-value",
            e.key().span(),
            "this " + type.keyNoun() + " has no name",
            "write the name before the colon, such as \"Black: 12.5\"");
        continue;
      }
      Node n = bind(e.value(), type.value(), e.key().text());
      if (n != null) {
        entries.put(Scalars.nfc(e.key().text()), n);
        keys.put(Scalars.nfc(e.key().text()), e.key().span());
      }
    }
    return new Node.Dict(map.span(), entries, keys);
  }

  private Node scalar(YNode y, ScalarType type, String where) {
    if (TranslatedText.isTranslations(y, type)) {
      return translated.bind((YMap) y, type, where, defaultLanguage);
    }
    if (!(y instanceof YScalar s)) {
      wrongType(y, type, where);
      return null;
    }
    try {
      Scalars.Value v = scalars.read(type, s.text(), where);
      if (v.asWritten() != null) {
        statusWord = v.asWritten();
      }
      return new Node.Val(s.span(), v.value());
    } catch (Scalars.Bad b) {
      diags.error(b.rule, s.span(), b.getMessage(), b.hint);
      return null;
    }
  }

  /** The index of the first character no document may hold, or -1 (see {@link Scalars}). */
  public static int controlCharacter(String s) {
    return Scalars.controlCharacter(s);
  }
}
