package org.reap.render.chart;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

/** Draws a chart as an SVG element (text stays text), deterministically. */
public final class SvgCharts {
  /**
   * CSS font-family the SVG text uses: the PDF's font first, then look-alikes. Unquoted on purpose:
   * JFreeSVG writes it unescaped inside a quoted attribute.
   */
  public static final String FONT_FAMILY = "DejaVu Sans, Verdana, Bitstream Vera Sans, sans-serif";

  private SvgCharts() {}

  /**
   * The chart as a standalone {@code <svg>} element string (no XML declaration).
   *
   * @param idPrefix prefix for ids inside the SVG (clip paths etc.); unique per document
   */
  public static String toSvg(ChartSpec spec, double widthPt, double heightPt, String idPrefix) {
    SVGGraphics2D g2 = new SVGGraphics2D(widthPt, heightPt, SVGUnits.PT);
    g2.setDefsKeyPrefix(idPrefix);
    g2.setGeomDoubleConverter(SvgCharts::number);
    g2.setFontFunction(family -> ChartFonts.FAMILY.equals(family) ? FONT_FAMILY : family);
    ChartBuilder.draw(spec, g2, widthPt, heightPt);
    return g2.getSVGElement(null, true, new ViewBox(0, 0, widthPt, heightPt), null, null);
  }

  /** Coordinates with at most two decimals, locale-independent: smaller, stable output. */
  static String number(double d) {
    if (!Double.isFinite(d)) {
      return "0";
    }
    return java.math.BigDecimal.valueOf(Math.round(d * 100) / 100.0)
        .stripTrailingZeros()
        .toPlainString();
  }
}
