package org.reap.bind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.YNode;
import org.reap.load.YNode.YMap;
import org.reap.load.YNode.YScalar;
import org.reap.model.Node;
import org.reap.model.Translations;
import org.reap.schema.Scalar;
import org.reap.schema.ScalarType;
import org.reap.schema.Type;

/**
 * The binder's text per language: a text field written as a mapping of languages ({@code title:
 * {en: ..., es: ...}}). The entry in the document's language is the value; the others are its
 * translations, each with its position.
 */
final class TranslatedText {
  /** The language of a document that does not name one. */
  static final String DEFAULT_LANGUAGE = "en";

  /**
   * Reads one scalar where a field of {@code type} is expected (reporting what does not fit), or
   * null.
   */
  interface Reader {
    Node read(YNode y, ScalarType type, String where);
  }

  /** Reports a node of the wrong shape where {@code expected} was. */
  interface WrongType {
    void report(YNode y, Type expected, String where);
  }

  private final Diagnostics diags;
  private final Reader scalar;
  private final WrongType wrongType;

  /**
   * Reads each entry with {@code scalar} and reports one of the wrong shape with {@code wrongType},
   * as the binder does elsewhere.
   */
  TranslatedText(Diagnostics diags, Reader scalar, WrongType wrongType) {
    this.diags = diags;
    this.scalar = scalar;
    this.wrongType = wrongType;
  }

  /**
   * The document's own language: its header field language (canonical), else {@value
   * #DEFAULT_LANGUAGE}.
   */
  static String documentLanguage(YMap root) {
    if (root.get("language") instanceof YScalar ls
        && !ls.isNull()
        && Scalars.LANGUAGE.matcher(ls.text().trim()).matches()) {
      return Translations.canonical(ls.text().trim());
    }
    return DEFAULT_LANGUAGE;
  }

  /**
   * True when {@code y}, where a text of {@code type} is expected, is a mapping whose every key is
   * a language tag.
   */
  static boolean isTranslations(YNode y, ScalarType type) {
    return y instanceof YMap m
        && (type.scalar() == Scalar.STRING || type.scalar() == Scalar.TEXT)
        && !m.entries().isEmpty()
        && m.entries().stream()
            .allMatch(e -> Scalars.LANGUAGE.matcher(e.key().text().trim()).matches());
  }

  /**
   * The value of text field {@code where} given as mapping {@code m}, with its translations; null
   * (reported) when an entry is empty or not text, or the document's language {@code language} is
   * missing.
   */
  Node bind(YMap m, ScalarType type, String where, String language) {
    Map<String, Node.Val> byLanguage = new LinkedHashMap<>();
    boolean bad = false;
    for (YNode.Entry e : m.entries()) {
      String tag = Translations.canonical(e.key().text().trim());
      if (e.value() instanceof YScalar vs && vs.isNull()) {
        diags.error(
            "schema.empty-value",
            e.key().span(),
            "\"" + where + "\" has no text after \"" + e.key().text() + ":\"",
            "write the text in "
                + Translations.displayName(tag)
                + " after \""
                + e.key().text()
                + ": \", or delete the line");
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
    Node.Val own = byLanguage.remove(language);
    if (own == null) {
      diags.error(
          "schema.translation-default",
          m.span(),
          "\""
              + where
              + "\" is given in "
              + String.join(", ", byLanguage.keySet())
              + " but not in "
              + language
              + ", the document's language",
          "add a line \""
              + language
              + ": ...\" with the text in "
              + Translations.displayName(language)
              + " (the header field language sets the document's language)");
      return null;
    }
    return new Node.Val(own.span(), own.value(), Collections.unmodifiableMap(byLanguage));
  }
}
