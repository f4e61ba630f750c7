package org.reap.render.chart;

import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** Turns a {@link ChartSpec} into a styled JFreeChart, ready to draw on any Graphics2D. */
public final class ChartBuilder {
  /** Width used when the page gives a chart none, in points. */
  public static final double DEFAULT_WIDTH = 480;

  static {
    // JFreeChart draws rotated text (the y-axis label) as glyph outlines by default; as a
    // string it stays real, extractable text in the PDF and a <text> element in SVG.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartBuilder() {}

  /** A new chart for the spec, laid out for a drawing area of the given size in points. */
  public static JFreeChart build(ChartSpec spec, double widthPt, double heightPt) {
    ChartFonts fonts = ChartFonts.get();
    Plot plot =
        switch (spec) {
          case CategoryChartSpec c -> CategoryCharts.plot(c, fonts);
          case GanttChartSpec g -> GanttCharts.plot(g, fonts, heightPt);
        };
    JFreeChart chart = new JFreeChart(null, fonts.bold(ChartStyle.TITLE_SIZE), plot, true);
    chart.setBackgroundPaint(ChartStyle.BACKGROUND);
    chart.setBorderVisible(false);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(2, 0, 2, 6));
    if (!spec.title().isEmpty()) {
      TextTitle title = new TextTitle(spec.title(), fonts.bold(ChartStyle.TITLE_SIZE));
      title.setPaint(ChartStyle.TEXT);
      title.setHorizontalAlignment(HorizontalAlignment.LEFT);
      title.setPadding(new RectangleInsets(0, 0, 6, 2));
      chart.setTitle(title);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(fonts.regular(ChartStyle.LABEL_SIZE));
      legend.setItemPaint(ChartStyle.TEXT);
      legend.setFrame(BlockBorder.NONE);
      legend.setBackgroundPaint(ChartStyle.BACKGROUND);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
      legend.setItemLabelPadding(new RectangleInsets(2, 3, 2, 10));
    }
    return chart;
  }

  /**
   * The height a chart gets when the page does not set one: 9/16 of the width for line and bar
   * charts, enough rows for every task for gantt charts.
   */
  public static double defaultHeight(ChartSpec spec, double widthPt) {
    return switch (spec) {
      case CategoryChartSpec c -> Math.round(widthPt * 9 / 16);
      case GanttChartSpec g -> GanttCharts.naturalHeight(g);
    };
  }

  /** Draws the chart for the spec into the given area of a Graphics2D (units: points). */
  public static void draw(ChartSpec spec, java.awt.Graphics2D g2, double widthPt, double heightPt) {
    JFreeChart chart = build(spec, widthPt, heightPt);
    chart.draw(g2, new Rectangle2D.Double(0, 0, widthPt, heightPt));
  }
}
