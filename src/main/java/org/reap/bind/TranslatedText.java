package org.reap.bind;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.YNode;
import org.reap.load.YNode.YMap;
import org.reap.load.YNode.YScalar;
import org.reap.model.Node;
import org.reap.schema.ScalarType;
import org.reap.schema.Type;

/** The binder's translations: a text field written once per language ({@code title: {en: ..., es: ...}}). */
final class TranslatedText {
  private TranslatedText() {}

  /** Reads one scalar where a field of {@code type} is expected. */
  interface Reader {
    Node read(YNode y, ScalarType type, String where);
  }

  /** Reports a node of the wrong shape. */
  interface WrongType {
    void report(YNode y, Type expected, String where);
  }

  /**
   * A text field given as a mapping of languages ({@code title: {en: ..., es: ...}}): the entry in
   * the document's language is the value; the others are its translations, each with its position.
   */
  static boolean isTranslations(YNode y, ScalarType type) {
    return y instanceof YMap m
        && (type.scalar() == org.reap.schema.Scalar.STRING || type.scalar() == org.reap.schema.Scalar.TEXT)
        && !m.entries().isEmpty()
        && m.entries().stream().allMatch(e -> Scalars.LANGUAGE.matcher(e.key().text().trim()).matches());
  }

  /**
   * The value of a text field given as a mapping of languages, or null (reported) when an entry
   * is empty or not text, or the document's own language {@code defaultLanguage} is missing.
   * {@code scalar} reads each entry and {@code wrongType} reports one of the wrong shape, as the
   * binder does everywhere else.
   */
  static Node bind(YMap m, ScalarType type, String where, String defaultLanguage, Diagnostics diags, Reader scalar, WrongType wrongType) {
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
        wrongType.report(e.value(), type, where + "." + e.key().text());
        bad = true;
        continue;
      }
      Node n = scalar.read(e.value(), type, where);
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
}
