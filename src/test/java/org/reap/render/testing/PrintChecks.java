package org.reap.render.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Print-fidelity checks over a rendered document: what the HTML says must be printed in the PDF,
 * and no two printed words may overlap. "Printed" means painted inside the page and inside the clip
 * in force: text that Flying Saucer paints past the right edge of the page, or clipped in a page's
 * bottom margin (a line that belongs to the next page), is lost to a reader of the paper.
 */
public final class PrintChecks {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private PrintChecks() {}

  /** One printed word: its text and its box in PDF user space (y up), on a 1-based page. */
  public record Word(int page, String text, double x0, double y0, double x1, double y1) {
    double overlapWith(Word o) {
      double w = Math.min(x1, o.x1) - Math.max(x0, o.x0);
      double h = Math.min(y1, o.y1) - Math.max(y0, o.y0);
      return w <= 0 || h <= 0 ? 0 : Math.min(w, h);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "p%d \"%s\" at (%.1f, %.1f)", page, text, x0, y0);
    }
  }

  /**
   * The words of an HTML page a reader sees: the body's text, without screen-reader-only text
   * ({@code .sr-only}) and without the charts' SVG (charts are checked on their own), lower-cased.
   */
  public static List<String> htmlWords(String html) {
    Document doc = Jsoup.parse(html);
    doc.select(".sr-only, svg, script, style, head").remove();
    return words(doc.body().text());
  }

  /** Letter-and-digit runs of a text, NFC, lower-cased (CSS may upper-case what it prints). */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m =
        WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The printed words of a PDF, page by page, in content order, with their boxes. */
  public static List<Word> printedWords(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Collector c = new Collector();
      c.setSortByPosition(false);
      c.setSuppressDuplicateOverlappingText(false);
      c.writeText(doc, Writer.nullWriter());
      return c.words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The words of the HTML that the PDF does not print, as "word (missing n of m)" lines. A word
   * must be printed at least as often as the HTML has it; a word broken across lines inside a
   * narrow cell counts when its pieces follow each other in the PDF.
   */
  public static List<String> missingWords(String html, byte[] pdf) {
    Map<String, Integer> need = count(htmlWords(html));
    List<String> printed = new ArrayList<>();
    for (Word w : printedWords(pdf)) {
      printed.addAll(words(w.text()));
    }
    Map<String, Integer> have = count(printed);
    List<String> missing = new ArrayList<>();
    Map<String, Integer> joined = null;
    for (Map.Entry<String, Integer> e : need.entrySet()) {
      int has = have.getOrDefault(e.getKey(), 0);
      if (has >= e.getValue()) {
        continue;
      }
      if (joined == null) {
        joined = joinedPieces(printed);
      }
      has += joined.getOrDefault(e.getKey(), 0);
      if (has < e.getValue()) {
        missing.add(e.getKey() + " (missing " + (e.getValue() - has) + " of " + e.getValue() + ")");
      }
    }
    return missing;
  }

  /** Pairs of overlapping printed words, as text, for a failure message. */
  public static List<String> overlaps(byte[] pdf) {
    List<Word> all = printedWords(pdf);
    List<String> out = new ArrayList<>();
    Map<Integer, List<Word>> byPage = new HashMap<>();
    for (Word w : all) {
      byPage.computeIfAbsent(w.page(), k -> new ArrayList<>()).add(w);
    }
    for (List<Word> page : byPage.values()) {
      page.sort((a, b) -> Double.compare(a.x0(), b.x0()));
      for (int i = 0; i < page.size(); i++) {
        Word a = page.get(i);
        for (int j = i + 1; j < page.size() && page.get(j).x0() < a.x1(); j++) {
          Word b = page.get(j);
          if (a.overlapWith(b) > 1.0) {
            out.add(a + " overlaps " + b);
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static Map<String, Integer> joinedPieces(List<String> printed) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + 1 < printed.size(); i++) {
      StringBuilder sb = new StringBuilder(printed.get(i));
      for (int j = i + 1; j < Math.min(printed.size(), i + 6); j++) {
        sb.append(printed.get(j));
        out.merge(sb.toString(), 1, Integer::sum);
      }
    }
    return out;
  }

  private static Map<String, Integer> count(List<String> words) {
    Map<String, Integer> m = new java.util.TreeMap<>();
    for (String w : words) {
      m.merge(w, 1, Integer::sum);
    }
    return m;
  }

  /** Keeps the glyphs painted inside the page and the clip, and groups them into words. */
  private static final class Collector extends PDFTextStripper {
    final List<Word> words = new ArrayList<>();
    private PDRectangle box;

    Collector() throws IOException {}

    @Override
    protected void startPage(PDPage page) throws IOException {
      box = page.getCropBox();
      super.startPage(page);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      if (visible(text)) {
        super.processTextPosition(text);
      }
    }

    private boolean visible(TextPosition t) {
      double x = t.getTextMatrix().getTranslateX() + t.getWidth() / 2;
      double y = t.getTextMatrix().getTranslateY() + Math.max(0.5, t.getHeight() / 2);
      if (x < box.getLowerLeftX()
          || x > box.getUpperRightX()
          || y < box.getLowerLeftY()
          || y > box.getUpperRightY()) {
        return false;
      }
      var clip = getGraphicsState().getCurrentClippingPath();
      return clip == null || clip.contains(x, y);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      // PDFBox hands over runs that may hold several words, and text painted later (a bold
      // span) can sit between them: split at spaces, at jumps back, and at gaps wider than a space.
      List<TextPosition> run = new ArrayList<>();
      TextPosition prev = null;
      for (TextPosition p : positions) {
        boolean blank = p.getUnicode() == null || p.getUnicode().isBlank();
        if (prev != null && (blank || startsNewWord(prev, p))) {
          flush(run);
        }
        if (!blank) {
          run.add(p);
          prev = p;
        } else {
          prev = null;
        }
      }
      flush(run);
    }

    private static boolean startsNewWord(TextPosition prev, TextPosition p) {
      double end = prev.getTextMatrix().getTranslateX() + prev.getWidth();
      double x = p.getTextMatrix().getTranslateX();
      double dy =
          Math.abs(p.getTextMatrix().getTranslateY() - prev.getTextMatrix().getTranslateY());
      double gap = Math.max(1.0, 0.3 * prev.getFontSizeInPt());
      return dy > 0.5 || x < end - 1.0 || x > end + gap;
    }

    private void flush(List<TextPosition> run) {
      if (run.isEmpty()) {
        return;
      }
      double x0 = Double.MAX_VALUE,
          y0 = Double.MAX_VALUE,
          x1 = -Double.MAX_VALUE,
          y1 = -Double.MAX_VALUE;
      StringBuilder text = new StringBuilder();
      for (TextPosition p : run) {
        // the glyph's box from its font size: from just below the baseline to cap height (PDFBox's
        // own glyph heights are often far smaller, which hid lines printed over each other)
        double px = p.getTextMatrix().getTranslateX();
        double py = p.getTextMatrix().getTranslateY();
        double size = p.getFontSizeInPt();
        x0 = Math.min(x0, px);
        y0 = Math.min(y0, py - 0.15 * size);
        x1 = Math.max(x1, px + p.getWidth());
        y1 = Math.max(y1, py + 0.72 * size);
        text.append(p.getUnicode());
      }
      words.add(new Word(getCurrentPageNo(), text.toString(), x0, y0, x1, y1));
      run.clear();
    }
  }
}
