package org.reap.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese (and Japanese) characters for the PDF. Flying Saucer takes each character from the first
 * font of the family list and does not fall back per character, and the bundled CJK font (Droid
 * Sans Fallback) has no Latin letters or digits while DejaVu Sans has no Han characters. So in the
 * body of the XHTML every run of CJK characters is wrapped in {@code <span class="cjk">}, which the
 * stylesheet sets in the CJK font; everything else stays in DejaVu Sans. Browsers fall back by
 * themselves, so the HTML files are left as they are.
 */
public final class CjkText {
  private CjkText() {}

  private static final Pattern TEXT = Pattern.compile(">([^<]+)<");

  /** A CJK character: Han, kana, bopomofo, CJK punctuation and full-width forms. */
  static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    if (s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.BOPOMOFO) {
      return true;
    }
    Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
    return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || b == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
        || b == Character.UnicodeBlock.VERTICAL_FORMS;
  }

  static boolean hasCjk(String s) {
    return s.codePoints().anyMatch(CjkText::isCjk);
  }

  /** The XHTML with every run of CJK characters after {@code <body} in a span of class cjk. */
  public static String wrap(String xhtml) {
    int body = xhtml.indexOf("<body");
    if (body < 0 || !hasCjk(xhtml.substring(body))) {
      return xhtml;
    }
    StringBuilder out = new StringBuilder(xhtml.length() + 256).append(xhtml, 0, body);
    Matcher m = TEXT.matcher(xhtml);
    int at = body;
    while (m.find(at)) {
      out.append(xhtml, at, m.start(1));
      out.append(runs(m.group(1)));
      at = m.end(1);
    }
    return out.append(xhtml, at, xhtml.length()).toString();
  }

  private static String runs(String text) {
    if (!hasCjk(text)) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 64);
    boolean in = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean cjk = isCjk(cp);
      if (cjk && !in) {
        sb.append("<span class=\"cjk\">");
        in = true;
      } else if (!cjk && in) {
        sb.append("</span>");
        in = false;
      }
      sb.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    if (in) {
      sb.append("</span>");
    }
    return sb.toString();
  }
}
