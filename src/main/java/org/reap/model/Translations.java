package org.reap.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reap.schema.Field;
import org.reap.schema.ListType;
import org.reap.schema.MapType;
import org.reap.schema.Scalar;
import org.reap.schema.ScalarType;
import org.reap.schema.Type;

/**
 * Text fields in several languages: which fields are translated, which languages a document is
 * published in, what is missing, and a copy of a document (or a whole repository) in one language.
 */
public final class Translations {
  private Translations() {}

  /**
   * Text fields that are not translated: numbers and ids as printed, names of people and bodies,
   * phone numbers, where a document was transcribed from, and editors' notes that are not printed.
   */
  public static final Set<String> NOT_TRANSLATED =
      Set.of(
          "number",
          "file_id",
          "phone",
          "name",
          "source",
          "source_note",
          "date_as_written",
          "translation_notice");

  /**
   * One text field: where it is, its field name and path, and the value (with its translations).
   */
  public record Text(Document document, String field, String path, Node.Val value) {}

  /** A tag as reap writes it: es, zh-Hans, hmn. */
  public static String canonical(String tag) {
    String t = Locale.forLanguageTag(tag).toLanguageTag();
    return t.equals("und") ? tag : t;
  }

  /** "Spanish (es)". */
  public static String displayName(String tag) {
    String name = Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
    return name.isBlank() || name.equals(tag) ? tag : name + " (" + tag + ")";
  }

  /** The document's own language: its header field language, else en. */
  public static String defaultLanguage(Document d) {
    String l = d.root().string("language");
    return l == null ? "en" : canonical(l);
  }

  /**
   * The other languages a document is published in: its header field publish_in, else that of the
   * plan it belongs to (its field plan); never its own language.
   */
  public static List<String> publishIn(Document d, Repository repo) {
    Node.Obj root = d.root();
    if (!root.has("publish_in") && root.string("plan") != null && repo != null) {
      Document plan = repo.document(root.string("plan"));
      if (plan != null && plan.kindName().equals("plan")) {
        root = plan.root();
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (Node n : root.list("publish_in")) {
      if (n instanceof Node.Val v && v.value() != null) {
        out.add(canonical(v.value().toString()));
      }
    }
    out.remove(defaultLanguage(d));
    return List.copyOf(out);
  }

  /** Every translatable text field of a document, in file order. */
  public static List<Text> texts(Document d) {
    List<Text> out = new ArrayList<>();
    object(d, d.root(), "", true, out);
    return out;
  }

  private static void object(Document d, Node.Obj o, String path, boolean root, List<Text> out) {
    for (Map.Entry<String, Node> e : o.fields().entrySet()) {
      Field f = o.type().fields().get(e.getKey());
      if (f == null
          || NOT_TRANSLATED.contains(e.getKey())
          || (root && e.getKey().equals("notes"))) {
        continue;
      }
      walk(
          d,
          e.getValue(),
          f.type(),
          e.getKey(),
          path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
          out);
    }
  }

  private static void walk(
      Document d, Node n, Type type, String field, String path, List<Text> out) {
    switch (n) {
      case Node.Obj o -> object(d, o, path, false, out);
      case Node.Lst l -> {
        Type item = type instanceof ListType lt ? lt.item() : type;
        for (int i = 0; i < l.items().size(); i++) {
          walk(d, l.items().get(i), item, field, path + "[" + i + "]", out);
        }
      }
      case Node.Dict dict -> {
        Type value = type instanceof MapType mt ? mt.value() : type;
        dict.entries().forEach((k, v) -> walk(d, v, value, field, path + "." + k, out));
      }
      case Node.Val v -> {
        if (type instanceof ScalarType st
            && (st.scalar() == Scalar.STRING || st.scalar() == Scalar.TEXT)
            && v.value() != null
            && !v.value().toString().isBlank()) {
          out.add(new Text(d, field, path, v));
        }
      }
    }
  }

  /** The text fields of a document that have no translation into {@code language}. */
  public static List<Text> missing(Document d, String language) {
    return texts(d).stream().filter(t -> !t.value().translations().containsKey(language)).toList();
  }

  /** A copy of the document with every text in {@code language} where it has a translation. */
  public static Document localize(Document d, String language) {
    if (language == null || language.equals(defaultLanguage(d))) {
      return d;
    }
    return new Document(d.file(), d.kind(), (Node.Obj) localize(d.root(), language));
  }

  /**
   * A copy of the repository with every document in {@code language}, falling back to each
   * document's own.
   */
  public static Repository localize(Repository repo, String language) {
    List<Document> docs = new ArrayList<>();
    for (Document d : repo.documents()) {
      docs.add(localize(d, language));
    }
    return new Repository(repo.root(), docs, repo.filesRead());
  }

  private static Node localize(Node n, String language) {
    return switch (n) {
      case Node.Obj o -> {
        Map<String, Node> fields = new LinkedHashMap<>();
        o.fields().forEach((k, v) -> fields.put(k, localize(v, language)));
        yield new Node.Obj(o.span(), o.type(), fields, o.invalid());
      }
      case Node.Lst l ->
          new Node.Lst(l.span(), l.items().stream().map(i -> localize(i, language)).toList());
      case Node.Dict dict -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        dict.entries().forEach((k, v) -> entries.put(k, localize(v, language)));
        yield new Node.Dict(dict.span(), entries);
      }
      case Node.Val v -> v.translations().isEmpty() ? v : v.in(language);
    };
  }
}
