package org.reap.render.chart;

import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/** Line and bar charts. */
final class CategoryCharts {
  private static final int MAX_VALUE_LABELS = 36;

  private CategoryCharts() {}

  static CategoryPlot plot(CategoryChartSpec spec, ChartFonts fonts) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (CategoryChartSpec.Series s : spec.series()) {
      for (int i = 0; i < spec.categories().size(); i++) {
        data.addValue(s.values().get(i), s.name(), spec.categories().get(i));
      }
    }
    CategoryAxis x = new WrappingCategoryAxis(spec.xLabel().isEmpty() ? null : spec.xLabel());
    styleAxis(x, fonts);
    x.setMaximumCategoryLabelLines(2);
    x.setLowerMargin(0.02);
    x.setUpperMargin(0.02);
    NumberAxis y = new NumberAxis(spec.yLabel().isEmpty() ? null : spec.yLabel());
    styleAxis(y, fonts);
    y.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ENGLISH));
    y.setAutoRangeIncludesZero(true);
    y.setUpperMargin(0.1); // room for value labels above the tallest bar

    CategoryItemRenderer renderer =
        spec.kind() == CategoryChartSpec.Kind.LINE
            ? lineRenderer(spec, fonts)
            : barRenderer(spec, fonts);
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(ChartStyle.BACKGROUND);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    plot.setRangeGridlineStroke(ChartStyle.solid(0.5f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setInsets(new RectangleInsets(4, 2, 2, 8));
    if (spec.target() != null) {
      addTarget(plot, y, spec, fonts);
    } else if (spec.yMax() != null) {
      double[] mm = extent(spec, 0);
      double span = mm[1] - mm[0] == 0 ? Math.max(1, Math.abs(mm[1])) : mm[1] - mm[0];
      y.setRange(mm[0] < 0 ? mm[0] - span * 0.08 : mm[0], mm[1] + span * 0.1);
    }
    return plot;
  }

  /** {min, max} of zero, {@code also}, every value and the spec's yMax. */
  private static double[] extent(CategoryChartSpec spec, double also) {
    double min = Math.min(0, also);
    double max = Math.max(0, also);
    if (spec.yMax() != null) {
      max = Math.max(max, spec.yMax());
    }
    for (CategoryChartSpec.Series s : spec.series()) {
      for (Double v : s.values()) {
        if (v != null) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return new double[] {min, max};
  }

  static void styleAxis(org.jfree.chart.axis.Axis axis, ChartFonts fonts) {
    axis.setLabelFont(fonts.regular(ChartStyle.LABEL_SIZE));
    axis.setLabelPaint(ChartStyle.TEXT);
    axis.setTickLabelFont(fonts.regular(ChartStyle.TICK_SIZE));
    axis.setTickLabelPaint(ChartStyle.TEXT);
    axis.setAxisLinePaint(ChartStyle.AXIS);
    axis.setTickMarkPaint(ChartStyle.AXIS);
    axis.setAxisLineStroke(ChartStyle.solid(0.75f));
  }

  private static LineAndShapeRenderer lineRenderer(CategoryChartSpec spec, ChartFonts fonts) {
    LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
    for (int i = 0; i < spec.series().size(); i++) {
      r.setSeriesPaint(i, ChartStyle.seriesColor(i));
      r.setSeriesStroke(i, ChartStyle.seriesStroke(i));
      r.setSeriesShape(i, ChartStyle.seriesShape(i));
      r.setSeriesShapesFilled(i, ChartStyle.seriesFilled(i));
      r.setSeriesOutlineStroke(i, ChartStyle.solid(1.25f));
    }
    r.setUseFillPaint(false);
    r.setUseOutlinePaint(false); // a hollow marker is outlined in its series colour
    r.setDrawOutlines(true);
    r.setDefaultItemLabelFont(fonts.regular(ChartStyle.SMALL_SIZE));
    return r;
  }

  private static BarRenderer barRenderer(CategoryChartSpec spec, ChartFonts fonts) {
    BarRenderer r = new BarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(true);
    r.setDefaultOutlinePaint(ChartStyle.BACKGROUND);
    r.setDefaultOutlineStroke(ChartStyle.solid(0.75f));
    r.setItemMargin(0.04);
    r.setMaximumBarWidth(0.12);
    for (int i = 0; i < spec.series().size(); i++) {
      r.setSeriesPaint(i, ChartStyle.seriesColor(i));
      r.setSeriesOutlinePaint(i, ChartStyle.BACKGROUND);
    }
    if (spec.series().size() * spec.categories().size() <= MAX_VALUE_LABELS) {
      NumberFormat nf = NumberFormat.getNumberInstance(Locale.ENGLISH);
      nf.setMaximumFractionDigits(2);
      r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", nf));
      r.setDefaultItemLabelsVisible(true);
      r.setDefaultItemLabelFont(fonts.regular(ChartStyle.SMALL_SIZE));
      r.setDefaultItemLabelPaint(ChartStyle.TEXT);
      r.setDefaultPositiveItemLabelPosition(
          new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
      r.setDefaultNegativeItemLabelPosition(
          new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));
    }
    return r;
  }

  private static void addTarget(
      CategoryPlot plot, NumberAxis y, CategoryChartSpec spec, ChartFonts fonts) {
    double target = spec.target();
    ValueMarker marker = new ValueMarker(target, ChartStyle.TEXT, ChartStyle.dashed(1.25f));
    NumberFormat nf = NumberFormat.getNumberInstance(Locale.ENGLISH);
    nf.setMaximumFractionDigits(2);
    String label = spec.targetLabel().isEmpty() ? "Target" : spec.targetLabel();
    marker.setLabel(label + ": " + nf.format(target));
    marker.setLabelFont(fonts.regular(ChartStyle.SMALL_SIZE));
    marker.setLabelPaint(ChartStyle.TEXT);
    marker.setLabelBackgroundColor(ChartStyle.BACKGROUND);
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
    plot.addRangeMarker(marker, Layer.FOREGROUND);

    double[] mm = extent(spec, target);
    double min = mm[0];
    double max = mm[1];
    double span = max - min == 0 ? Math.max(1, Math.abs(max)) : max - min;
    y.setRange(min < 0 ? min - span * 0.08 : min, max + span * 0.18);
  }
}
