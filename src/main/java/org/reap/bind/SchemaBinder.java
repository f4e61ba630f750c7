package org.reap.bind;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.YNode;
import org.reap.load.YNode.YMap;
import org.reap.load.YNode.YScalar;
import org.reap.load.YNode.YSeq;
import org.reap.model.Document;
import org.reap.model.Length;
import org.reap.model.Markdown;
import org.reap.model.Node;
import org.reap.model.When;
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
 * Collects every problem; a document with structural errors is still returned (with the bad
 * values left out) so later rules can check the rest.
 */
public final class SchemaBinder {
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(hours?|hrs?|h|minutes?|mins?|m|days?|d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  private final SourceFile file;
  private final Diagnostics diags;
  /** The document's own language (its header field language, else en): the text of a plain value. */
  private String defaultLanguage = "en";

  private final org.reap.schema.Settings settings;
  /** The city's status word the last status value was written in, where it was one. */
  private String statusWord;

  private SchemaBinder(SourceFile file, Diagnostics diags, org.reap.schema.Settings settings) {
    this.file = file;
    this.diags = diags;
    this.settings = settings;
  }

  /** Binds a whole file; null when it is not a reap document at all. */
  public static Document bind(SourceFile file, YNode root, Diagnostics diags) {
    return bind(file, root, diags, org.reap.schema.Settings.NONE);
  }

  /** As {@link #bind(SourceFile, YNode, Diagnostics)}, with a repository's own fields, status words and fiscal year. */
  public static Document bind(SourceFile file, YNode root, Diagnostics diags, org.reap.schema.Settings settings) {
    return new SchemaBinder(file, diags, settings).document(root);
  }

  /** Checks a settings file ({@value org.reap.schema.Settings#FILE}) against its shape; null when it is not a group of fields. */
  public static Node.Obj bindSettings(SourceFile file, YNode root, Diagnostics diags) {
    if (!(root instanceof YMap map)) {
      diags.error("schema.top-level", root.span(), "a settings file must be a group of fields, but this file is " + root.describe(), "start the file with \"reap: 1\"");
      return null;
    }
    if (map.get("reap") instanceof YScalar vs && !vs.isNull() && INTEGER.matcher(vs.text().trim()).matches() && Integer.parseInt(vs.text().trim()) != Kinds.SCHEMA_VERSION) {
      diags.error("schema.version", vs.span(), "this settings file is written for reap schema version " + vs.text().trim() + ", but this reap reads version " + Kinds.SCHEMA_VERSION, "write \"reap: " + Kinds.SCHEMA_VERSION + "\"");
      return null;
    }
    return (Node.Obj) new SchemaBinder(file, diags, org.reap.schema.Settings.NONE).bind(root, org.reap.schema.SettingsSchema.ROOT, "");
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
      diags.error("schema.unknown-kind", kindNode.span(), "kind must be one word", "use one of: " + String.join(", ", kinds));
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
    if (version instanceof YScalar vs && !vs.isNull() && INTEGER.matcher(vs.text().trim()).matches()) {
      int v = Integer.parseInt(vs.text().trim());
      if (v != Kinds.SCHEMA_VERSION) {
        diags.error(
            "schema.version",
            vs.span(),
            "this file is written for reap schema version " + v + ", but this reap reads version " + Kinds.SCHEMA_VERSION,
            v > Kinds.SCHEMA_VERSION ? "update reap" : "write \"reap: " + Kinds.SCHEMA_VERSION + "\"");
        return null;
      }
    }
    if (map.get("language") instanceof YScalar ls && !ls.isNull() && LANGUAGE.matcher(ls.text().trim()).matches()) {
      defaultLanguage = org.reap.model.Translations.canonical(ls.text().trim());
    }
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
        if (statusWord != null && v instanceof Node.Val && !fields.containsKey(key + "_as_written")) {
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
    if (!(value instanceof YScalar s) || !s.plain() || s.isNull() || !(f.type() instanceof ScalarType st)
        || !(st.scalar() == org.reap.schema.Scalar.STRING || st.scalar() == org.reap.schema.Scalar.TEXT)) {
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
          "\"" + key + "\" ends at \"" + s.text().trim() + "\": the \"" + comment + "\" after it is read as a YAML comment and is not printed",
          "if it is part of the text, put the whole text in quotes: " + key + ": \"" + s.text().trim() + " " + comment.replace("\"", "\\\"") + "\"");
    }
  }

  private static final Pattern COMMENT_AFTER = Pattern.compile("^\\s+(#.*)$");

  /**
   * Reports a required text (or any of its translations) that a reader would not see: empty, only
   * spaces, or only invisible characters such as a zero-width space. Such a title passes YAML and
   * would otherwise fail only at render time (a PDF must have a title).
   */
  private boolean invisible(Node v, Field f) {
    if (!(v instanceof Node.Val val) || !(val.value() instanceof String || val.value() instanceof Markdown)) {
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
            "\"" + f.name() + "\" has no visible text" + (text.isEmpty() ? "" : " (only spaces or invisible characters)"),
            "write " + f.type().noun() + " after \"" + t.getKey() + ": \"");
        found = true;
      }
    }
    return found;
  }

  /** True when {@code s} has no character a reader could see: only white space, format or control characters. */
  public static boolean invisible(String s) {
    return s.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT);
  }

  private void missing(ObjType type, Map<String, Node> fields, Span at, String where) {
    missing(type, fields, at, where, null, List.of());
  }

  /** Reports required fields that are absent, except one that a misspelt field already stands for. */
  private void missing(ObjType type, Map<String, Node> fields, Span at, String where, YMap map, List<String> unknown) {
    for (Field f : type.fields().values()) {
      boolean misspelt = unknown.stream().anyMatch(u -> f.name().equals(Suggest.closest(u, type.fields().keySet())));
      if (f.required() && !misspelt && !fields.containsKey(f.name()) && (map == null || map.get(f.name()) == null)) {
        String what = where.isEmpty() ? "this file" : "this " + type.name().replace('-', ' ');
        diags.error(
            "schema.missing-field",
            Span.at(file, at.line(), at.column()),
            what + " needs \"" + f.name() + "\": " + Character.toLowerCase(f.doc().charAt(0)) + f.doc().substring(1).replaceAll("\\.$", ""),
            "add a line \"" + f.name() + ": ...\" with " + f.type().noun());
      }
    }
  }

  private void unknownField(YScalar key, ObjType type, String where) {
    List<String> allowed = type.fields().keySet().stream().filter(k -> !k.equals("source_note")).toList();
    diags.error(
        "schema.unknown-field",
        key.span(),
        "\"" + key.text() + "\" is not a field of " + (where.isEmpty() ? article(type.name()) + " file" : article(type.name().replace('-', ' '))),
        Suggest.didYouMean(key.text(), allowed) + "fields allowed here: " + String.join(", ", allowed));
  }

  private static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private void wrongType(YNode y, Type expected, String where) {
    String field = where.isEmpty() ? "this value" : "\"" + where + "\"";
    String hint =
        switch (expected) {
          case ListType l -> "write each item on its own line, starting with \"- \"";
          case ObjType o -> y instanceof YSeq
              ? "remove the \"- \": " + field + " is one group of fields (" + String.join(", ", firstFields(o)) + "), not a list"
              : "write its fields (" + String.join(", ", firstFields(o)) + ") on the lines below, indented";
          case MapType m -> "write one \"name: value\" per line, indented";
          case ScalarType s -> y instanceof YSeq ? "write a single value, not a list" : "write a single value on the same line";
        };
    diags.error("schema.wrong-type", y.span(), field + " should be " + expected.noun() + ", but it is " + y.describe(), hint);
  }

  private static List<String> firstFields(ObjType o) {
    List<String> req = new ArrayList<>();
    for (Field f : o.fields().values()) {
      if (f.required()) {
        req.add(f.name());
      }
    }
    return req.isEmpty() ? List.copyOf(o.fields().keySet()).subList(0, Math.min(4, o.fields().size())) : req;
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
        if (at.column() >= 2 && text.length() >= at.column() - 1 && text.charAt(at.column() - 2) == '-') {
          at = Span.at(file, at.line(), at.column() - 1);
        }
        diags.error("schema.empty-item", at, "this list item is empty", "write the item after \"- \", or delete the line");
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
      if (controlCharacter(e.key().text()) >= 0) {
        diags.error("schema.control-character", e.key().span(), "this " + type.keyNoun() + " name holds an invisible control character, written as a backslash escape", "remove the escape; it was probably copied in by accident");
        continue;
      }
      if (invisible(e.key().text())) {
        // a chart would have a series without a name, and a table a row without a label
        diags.error("schema.empty-value", e.key().span(), "this " + type.keyNoun() + " has no name", "write the name before the colon, such as \"Black: 12.5\"");
        continue;
      }
      Node n = bind(e.value(), type.value(), e.key().text());
      if (n != null) {
        entries.put(nfc(e.key().text()), n);
        keys.put(nfc(e.key().text()), e.key().span());
      }
    }
    return new Node.Dict(map.span(), entries, keys);
  }

  private static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /**
   * A text field given as a mapping of languages ({@code title: {en: ..., es: ...}}): the entry in
   * the document's language is the value; the others are its translations, each with its position.
   */
  private static boolean isTranslations(YNode y, ScalarType type) {
    return y instanceof YMap m
        && (type.scalar() == org.reap.schema.Scalar.STRING || type.scalar() == org.reap.schema.Scalar.TEXT)
        && !m.entries().isEmpty()
        && m.entries().stream().allMatch(e -> LANGUAGE.matcher(e.key().text().trim()).matches());
  }

  private Node translations(YMap m, ScalarType type, String where) {
    Map<String, Node.Val> byLanguage = new LinkedHashMap<>();
    boolean bad = false;
    for (YNode.Entry e : m.entries()) {
      String tag = org.reap.model.Translations.canonical(e.key().text().trim());
      if (e.value() instanceof YScalar vs && vs.isNull()) {
        diags.error("schema.empty-value", e.key().span(), "\"" + where + "\" has no text after \"" + e.key().text() + ":\"", "write the text in " + org.reap.model.Translations.displayName(tag) + " after \"" + e.key().text() + ": \", or delete the line");
        bad = true;
        continue;
      }
      if (!(e.value() instanceof YScalar)) {
        wrongType(e.value(), type, where + "." + e.key().text());
        bad = true;
        continue;
      }
      Node n = scalar(e.value(), type, where);
      if (n instanceof Node.Val v) {
        byLanguage.put(tag, v);
      } else {
        bad = true;
      }
    }
    if (bad) {
      return null;
    }
    Node.Val own = byLanguage.remove(defaultLanguage);
    if (own == null) {
      diags.error(
          "schema.translation-default",
          m.span(),
          "\"" + where + "\" is given in " + String.join(", ", byLanguage.keySet()) + " but not in " + defaultLanguage + ", the document's language",
          "add a line \"" + defaultLanguage + ": ...\" with the text in " + org.reap.model.Translations.displayName(defaultLanguage) + " (the header field language sets the document's language)");
      return null;
    }
    return new Node.Val(own.span(), own.value(), java.util.Collections.unmodifiableMap(byLanguage));
  }

  private Node scalar(YNode y, ScalarType type, String where) {
    if (isTranslations(y, type)) {
      return translations((YMap) y, type, where);
    }
    if (!(y instanceof YScalar s)) {
      wrongType(y, type, where);
      return null;
    }
    String raw = s.text();
    String t = raw.trim();
    Span span = s.span();
    String field = "\"" + where + "\"";
    try {
      controlCharacter(raw, field);
      Object value =
          switch (type.scalar()) {
            case STRING -> nfc(raw);
            case TEXT -> new Markdown(nfc(raw));
            case ID, REF -> id(t, span, field);
            case DATE -> date(t, span, field);
            case MONTH -> month(t, span, field);
            case WHEN -> when(t, span, field);
            case INTEGER -> {
              if (!INTEGER.matcher(t).matches()) {
                throw new Bad(field + " should be a whole number, but it is \"" + t + "\"", where.equals("reap") ? "write \"reap: 1\"" : "write digits only, such as 12");
              }
              yield Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            }
            case NUMBER -> {
              if (!NUMBER.matcher(t).matches()) {
                throw new Bad(
                    field + " should be a number, but it is \"" + t + "\"",
                    t.contains(",") ? "leave out the thousands separators: 1500, not 1,500" : "write digits with a decimal point, such as 12.5");
              }
              yield new BigDecimal(t);
            }
            case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
              case "yes", "true", "y" -> Boolean.TRUE;
              case "no", "false", "n" -> Boolean.FALSE;
              default -> throw new Bad(field + " should be yes or no, but it is \"" + t + "\"", "write yes or no");
            };
            case ENUM -> {
              boolean statuses = type.values().equals(Kinds.STATUSES);
              if (!type.values().contains(t) && statuses && settings.status(t) != null) {
                statusWord = t;
                yield settings.status(t);
              }
              if (!type.values().contains(t)) {
                List<String> words = new ArrayList<>(type.values());
                if (statuses) {
                  words.addAll(settings.statuses().keySet());
                }
                throw new Bad(
                    field + " cannot be \"" + t + "\"",
                    Suggest.didYouMean(t, words) + "allowed: " + String.join(", ", type.values())
                        + (statuses && !settings.statuses().isEmpty() ? ", or this repository's own words: " + String.join(", ", new java.util.TreeSet<>(settings.statuses().keySet())) : ""));
              }
              yield t;
            }
            case EMAIL -> {
              if (!EMAIL.matcher(t).matches()) {
                throw new Bad(field + " should be an email address, but it is \"" + t + "\"", "write it as name@example.org");
              }
              yield t;
            }
            case URL -> {
              if (!(t.startsWith("https://") || t.startsWith("http://")) || t.contains(" ")) {
                throw new Bad(field + " should be a web address, but it is \"" + t + "\"", "write the full address, starting with https://");
              }
              yield t;
            }
            case PATH -> path(t, field);
            case DURATION -> duration(t, field);
            case LANGUAGE -> {
              if (!LANGUAGE.matcher(t).matches()) {
                throw new Bad(field + " should be a language tag, but it is \"" + t + "\"", "use a short tag such as en, es, vi, zh-Hans, ru or hmn");
              }
              yield t;
            }
          };
      return new Node.Val(span, value);
    } catch (Bad b) {
      diags.error(b.rule, span, b.getMessage(), b.hint);
      return null;
    }
  }

  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;
    final String hint;
    final String rule;

    Bad(String message, String hint) {
      this("schema.bad-value", message, hint);
    }

    Bad(String rule, String message, String hint) {
      super(message, null, false, false);
      this.rule = rule;
      this.hint = hint;
    }
  }

  /**
   * A control character that YAML let in through a backslash escape ("\u0006", "\0", "\e"): the
   * file check sees only the characters written in the file. XML cannot carry most of them, so a
   * document holding one could not be rendered. Tab and line breaks are fine.
   */
  private static void controlCharacter(String raw, String field) throws Bad {
    int at = controlCharacter(raw);
    if (at >= 0 && Character.isSurrogate(raw.charAt(at))) {
      throw new Bad(
          "schema.control-character",
          field + " holds half of a character (U+" + String.format(Locale.ROOT, "%04X", (int) raw.charAt(at)) + "), written as a backslash escape",
          "write the character itself, or both halves of it, such as \\uD83D\\uDE00 for an emoji");
    }
    if (at >= 0) {
      throw new Bad(
          "schema.control-character",
          field + " holds an invisible control character (U+" + String.format(Locale.ROOT, "%04X", (int) raw.charAt(at)) + "), written as a backslash escape",
          "remove the escape; it was probably copied in by accident");
    }
  }

  /** The index of the first character no document may hold, or -1. */
  public static int controlCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pairedHigh) {
        i++;
        continue;
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0) || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String id(String t, Span span, String field) throws Bad {
    if (!ID.matcher(t).matches()) {
      String slug = t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
      throw new Bad(
          "schema.bad-id",
          field + " must be an id of lower-case letters, digits and hyphens, but it is \"" + t + "\"",
          slug.isEmpty() ? "for example: score-2024" : "for example: " + (slug.length() > 80 ? slug.substring(0, 80) : slug));
    }
    return t;
  }

  private static Bad badDate(String field, String t, String expected) {
    Matcher us = US_DATE.matcher(t);
    String hint;
    if (us.matches()) {
      String y = us.group(3).length() == 2 ? "20" + us.group(3) : us.group(3);
      hint = String.format("write dates as year-month-day: %s-%02d-%02d", y, Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)));
    } else {
      hint = "write " + expected.replace(" written ", " as ");
    }
    return new Bad("schema.bad-date", field + " should be " + expected + ", but it is \"" + t + "\"", hint);
  }

  private static LocalDate date(String t, Span span, String field) throws Bad {
    Matcher m = DATE.matcher(t);
    if (!m.matches()) {
      throw badDate(field, t, "a date written YYYY-MM-DD, such as 2024-10-29");
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      try {
        When.parse(t);
      } catch (When.BadWhen w) {
        throw new Bad("schema.bad-date", field + ": " + w.getMessage(), "check the month and day");
      }
      throw new Bad("schema.bad-date", field + ": \"" + t + "\" is not a real date", "check the month and day");
    }
  }

  private static YearMonth month(String t, Span span, String field) throws Bad {
    Matcher m = MONTH.matcher(t);
    if (!m.matches()) {
      throw badDate(field, t, "a month written YYYY-MM, such as 2024-10");
    }
    int mo = Integer.parseInt(m.group(2));
    if (mo < 1 || mo > 12) {
      throw new Bad("schema.bad-date", field + " has month " + m.group(2) + "; months run from 01 to 12", "write a month as YYYY-MM, such as 2024-10");
    }
    return YearMonth.of(Integer.parseInt(m.group(1)), mo);
  }

  private static final Pattern FISCAL_LIKE = Pattern.compile("(?i)FY\\s*\\d{2,4}(-\\d{2,4})?|(\\d{4})-(\\d{2})");

  private When when(String t, Span span, String field) throws Bad {
    try {
      return When.parse(t, settings.fiscalYearStart());
    } catch (When.BadWhen e) {
      Matcher fy = FISCAL_LIKE.matcher(t);
      if (!settings.fiscalYears() && fy.matches() && (fy.group(2) == null || Integer.parseInt(fy.group(3)) == (Integer.parseInt(fy.group(2)) + 1) % 100)) {
        String m = t.toUpperCase(Locale.ROOT).startsWith("FY") ? "\"" + t + "\" is a fiscal year, but this repository has no fiscal year set" : e.getMessage();
        throw new Bad(
            "schema.bad-date",
            field + ": " + m,
            "if it is a fiscal year, say when the fiscal year starts in " + org.reap.schema.Settings.FILE + " at the root of the plans folder (\"fiscal_year: {starts: July}\"); otherwise check the month");
      }
      Bad b = badDate(field, t, "a date such as 2024-10-29, a month such as 2024-10, a range such as 2024-04/2024-06, or TBD");
      if (US_DATE.matcher(t).matches() || !t.matches(".*\\d{4}.*")) {
        throw b;
      }
      String m = e.getMessage();
      throw new Bad(
          "schema.bad-date",
          field + ": " + m,
          m.contains("not a real date") ? "check the month and day"
              : m.contains("months run from") ? "check the month"
              : "write a date such as 2024-10-29, a month such as 2024-10, a range such as 2024-04/2024-06, or TBD");
    }
  }

  private static String path(String t, String field) throws Bad {
    String p = t.replace('\\', '/');
    if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.startsWith("~")) {
      throw new Bad("schema.bad-path", field + " must be a path inside the repository, but \"" + t + "\" is absolute", "write it relative to this file's folder, such as attachments/resolution.pdf");
    }
    for (String part : p.split("/")) {
      if (part.equals("..")) {
        throw new Bad("schema.bad-path", field + " must stay inside the repository, but \"" + t + "\" climbs out of it with ..", "copy the file into the repository and point at the copy");
      }
    }
    if (p.contains(":")) {
      throw new Bad("schema.bad-path", field + " must be a file in the repository, not a web address", "download the file into the repository and point at it");
    }
    return p;
  }

  private static Length duration(String t, String field) throws Bad {
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      throw new Bad(field + " should be a length of time, but it is \"" + t + "\"", "write it as 2 hours, 1.5 hours, 90 minutes or 3 days");
    }
    String u = m.group(2).toLowerCase(Locale.ROOT);
    String unit = u.startsWith("h") ? "hour" : u.startsWith("m") ? "minute" : "day";
    return new Length(new BigDecimal(m.group(1)), unit, t);
  }
}
