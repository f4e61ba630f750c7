package org.reap.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.model.Translations;

/**
 * Fallback text in a translated copy (WCAG 3.1.2). Where a text field has no translation into the
 * copy's language, the document's own text is printed instead; here every run of it in the body of
 * the XHTML is wrapped in {@code <span lang="en" xml:lang="en">} (the document's own language), so
 * the HTML says which words are English and the PDF's tagging gives that span its own /Lang.
 */
public final class FallbackText {
  private FallbackText() {}

  private static final Pattern TEXT = Pattern.compile(">([^<]+)<");
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");

  /** Shorter runs (a number, a letter) are not marked: they read the same in every language. */
  static final int MIN_LETTERS = 2;

  /** The untranslated texts of a repository for one language, and the language they are in. */
  public record Fallbacks(String language, List<String> texts) {
    public boolean isEmpty() {
      return texts.isEmpty();
    }
  }

  /**
   * The texts that fall back when {@code repo} (as written) is shown in {@code language}: every
   * text field of every document with no translation into it, as the text runs it prints as
   * (Markdown split at its inline markup), longest first.
   */
  public static Fallbacks of(Repository repo, String language, String ownLanguage) {
    Set<String> runs = new LinkedHashSet<>();
    for (Document d : repo.documents()) {
      if (!Translations.defaultLanguage(d).equals(ownLanguage)) {
        continue;
      }
      for (Translations.Text t : Translations.missing(d, language)) {
        String source = String.valueOf(t.value().value());
        String html = Text.blockHtml(source);
        Matcher m = TEXT.matcher(">" + TAGS.matcher(html).replaceAll("<>") + "<");
        while (m.find()) {
          String run = unescape(m.group(1)).strip();
          if (letters(run) >= MIN_LETTERS) {
            runs.add(run);
          }
        }
        String plain = source.strip();
        if (letters(plain) >= MIN_LETTERS && !plain.contains("\n")) {
          runs.add(plain);
        }
      }
    }
    List<String> texts = new ArrayList<>(runs);
    texts.sort(
        Comparator.comparingInt(String::length)
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    return new Fallbacks(ownLanguage, List.copyOf(texts));
  }

  /** The XHTML with every run of fallback text after {@code <body} in a span of its language. */
  public static String mark(String xhtml, Fallbacks fallbacks) {
    int body = xhtml.indexOf("<body");
    if (body < 0 || fallbacks.isEmpty()) {
      return xhtml;
    }
    StringBuilder out = new StringBuilder(xhtml.length() + 1024).append(xhtml, 0, body);
    Matcher m = TEXT.matcher(xhtml);
    int at = body;
    while (m.find(at)) {
      out.append(xhtml, at, m.start(1));
      out.append(runs(m.group(1), fallbacks));
      at = m.end(1);
    }
    return out.append(xhtml, at, xhtml.length()).toString();
  }

  private static String runs(String escaped, Fallbacks fallbacks) {
    String text = unescape(escaped);
    if (letters(text) < MIN_LETTERS) {
      return escaped;
    }
    StringBuilder sb = new StringBuilder();
    int from = 0;
    boolean any = false;
    while (from < text.length()) {
      int best = -1;
      String found = null;
      for (String f : fallbacks.texts()) {
        int i = indexOfWord(text, f, from);
        if (i >= 0 && (best < 0 || i < best)) {
          best = i;
          found = f;
        }
      }
      if (found == null) {
        break;
      }
      any = true;
      sb.append(escape(text.substring(from, best)));
      String tag = fallbacks.language();
      sb.append("<span lang=\"")
          .append(tag)
          .append("\" xml:lang=\"")
          .append(tag)
          .append("\">")
          .append(escape(found))
          .append("</span>");
      from = best + found.length();
    }
    if (!any) {
      return escaped;
    }
    return sb.append(escape(text.substring(from))).toString();
  }

  /** Where {@code f} occurs in {@code text} from {@code from} on, not inside a longer word. */
  private static int indexOfWord(String text, String f, int from) {
    for (int i = text.indexOf(f, from); i >= 0; i = text.indexOf(f, i + 1)) {
      int end = i + f.length();
      boolean startOk =
          i == 0
              || !Character.isLetterOrDigit(text.charAt(i - 1))
              || !Character.isLetterOrDigit(f.charAt(0));
      boolean endOk =
          end == text.length()
              || !Character.isLetterOrDigit(text.charAt(end))
              || !Character.isLetterOrDigit(f.charAt(f.length() - 1));
      if (startOk && endOk) {
        return i;
      }
    }
    return -1;
  }

  static int letters(String s) {
    return (int) s.codePoints().filter(Character::isLetter).count();
  }

  static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = Pattern.compile("&(#x?[0-9A-Fa-f]+|amp|lt|gt|quot|apos);").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                new String(
                    Character.toChars(
                        e.startsWith("#x")
                            ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1))));
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
