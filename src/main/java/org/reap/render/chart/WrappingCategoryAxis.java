package org.reap.render.chart;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A category axis whose labels are wrapped without splitting a character. JFreeChart breaks a word
 * too wide for its line after any UTF-16 unit, which cut emoji in half (a lone surrogate: the SVG
 * of the HTML page was then not well-formed XML) and separated accents from their letters. Here
 * lines break where the text may break, a word too wide for a line is cut between whole characters
 * (graphemes), and a label with more lines than allowed ends with "…".
 */
final class WrappingCategoryAxis extends CategoryAxis {
  private static final long serialVersionUID = 1L;
  static final String ELLIPSIS = "\u2026";

  WrappingCategoryAxis(String label) {
    super(label);
  }

  @Override
  protected TextBlock createLabel(
      Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
    Font font = getTickLabelFont(category);
    Paint paint = getTickLabelPaint(category);
    FontMetrics metrics = g2.getFontMetrics(font);
    TextBlock block = new TextBlock();
    int perRow = getMaximumCategoryLabelLines();
    List<String> lines;
    if (category instanceof GanttCharts.Row r && r.task() == null && !r.label().isEmpty()) {
      // a group heading over several rows: this row prints its own two lines of the whole
      int rowsOf = GanttCharts.headingRows(r.label());
      List<String> all = wrap(r.label(), width, perRow * rowsOf, s -> metrics.stringWidth(s));
      int from = Math.min(all.size(), r.part() * perRow);
      lines = all.subList(from, Math.min(all.size(), from + perRow));
    } else {
      lines = wrap(category.toString(), width, perRow, s -> metrics.stringWidth(s));
    }
    for (String line : lines) {
      block.addLine(line, font, paint);
    }
    if (lines.isEmpty()) {
      block.addLine("", font, paint);
    }
    return block;
  }

  /** How wide a text is drawn. */
  interface Measure {
    float width(String s);
  }

  /**
   * {@code text} in at most {@code maxLines} lines no wider than {@code width} (each line holds at
   * least one character, however narrow the width); a cut never falls inside a character.
   */
  static List<String> wrap(String text, float width, int maxLines, Measure measure) {
    List<String> lines = new ArrayList<>();
    BreakIterator words = BreakIterator.getLineInstance(Locale.ROOT);
    words.setText(text);
    BreakIterator chars = BreakIterator.getCharacterInstance(Locale.ROOT);
    chars.setText(text);
    int start = 0;
    int n = text.length();
    while (start < n && lines.size() < Math.max(1, maxLines)) {
      if (measure.width(text.substring(start).strip()) <= width) {
        lines.add(text.substring(start).strip());
        start = n;
        break;
      }
      int end = lastFitting(text, start, width, words, measure);
      if (end <= start) {
        end = lastFitting(text, start, width, chars, measure);
      }
      if (end <= start) {
        end = chars.following(start); // not even one character fits: put it on a line of its own
      }
      lines.add(text.substring(start, end).strip());
      start = end;
      while (start < n && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
    }
    if (start < n && !lines.isEmpty()) {
      String last = lines.remove(lines.size() - 1);
      lines.add(withEllipsis(last, width, measure));
    }
    return lines;
  }

  /**
   * The last boundary after {@code start} up to which the text fits in {@code width}, or {@code
   * start}.
   */
  private static int lastFitting(
      String text, int start, float width, BreakIterator boundaries, Measure measure) {
    int best = start;
    for (int b = boundaries.following(start); b != BreakIterator.DONE; b = boundaries.next()) {
      if (measure.width(text.substring(start, b).strip()) > width) {
        break;
      }
      best = b;
    }
    return best;
  }

  /** {@code line} shortened by whole characters until it fits with "…" after it. */
  private static String withEllipsis(String line, float width, Measure measure) {
    BreakIterator chars = BreakIterator.getCharacterInstance(Locale.ROOT);
    chars.setText(line);
    int end = line.length();
    while (end > 0 && measure.width(line.substring(0, end).stripTrailing() + ELLIPSIS) > width) {
      end = chars.preceding(end);
    }
    return line.substring(0, Math.max(0, end)).stripTrailing() + ELLIPSIS;
  }
}
