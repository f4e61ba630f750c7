package org.reap.render.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarPainter;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/**
 * Gantt charts: one horizontal bar per task under bold group headings, a month axis, a dashed "as
 * of" line and, for each bar, its status as colour, fill pattern and a text label.
 */
final class GanttCharts {
  private static final double ROW_HEIGHT = 17;
  private static final double MAX_BAR = 11;
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  /** Colour, pattern and outline of each status. */
  enum Look {
    DONE(TaskStatus.DONE, new Color(0x009E73), Pattern.SOLID, false),
    IN_PROGRESS(TaskStatus.IN_PROGRESS, new Color(0x0072B2), Pattern.DIAGONAL, false),
    PLANNED(TaskStatus.PLANNED, new Color(0xF2F2F2), Pattern.NONE, true),
    AT_RISK(TaskStatus.AT_RISK, new Color(0xC85200), Pattern.CROSS, false),
    OVERDUE(TaskStatus.OVERDUE, new Color(0xA50026), Pattern.HORIZONTAL, false),
    MISSED(TaskStatus.MISSED, new Color(0x67001F), Pattern.VERTICAL, false),
    DROPPED(TaskStatus.DROPPED, new Color(0xBDBDBD), Pattern.HORIZONTAL, true),
    /** No status reported: neutral, a white bar with a plain grey edge. */
    NOT_REPORTED(TaskStatus.NOT_REPORTED, Color.WHITE, Pattern.NONE, false);

    final TaskStatus status;
    final Color fill;
    final Pattern pattern;
    final boolean dashedOutline;

    Look(TaskStatus status, Color fill, Pattern pattern, boolean dashedOutline) {
      this.status = status;
      this.fill = fill;
      this.pattern = pattern;
      this.dashedOutline = dashedOutline;
    }

    Color outline() {
      return dashedOutline || fill.equals(Color.WHITE) ? ChartStyle.AXIS : fill;
    }

    static Look of(TaskStatus s) {
      return values()[s.ordinal()];
    }
  }

  enum Pattern {
    NONE,
    SOLID,
    DIAGONAL,
    CROSS,
    HORIZONTAL,
    VERTICAL
  }

  /**
   * A row of the chart: a group heading or a task. Ordered by position. A group heading too long
   * for the two lines of one row goes on over the rows after it ({@code part} 1, 2, …: the same
   * label, printed from its third line, fifth line, …), so it wraps in the label column instead of
   * being cut short or printing over its neighbours.
   */
  record Row(int index, String label, GanttChartSpec.Task task, int part)
      implements Comparable<Row> {
    Row(int index, String label, GanttChartSpec.Task task) {
      this(index, label, task, 0);
    }

    @Override
    public int compareTo(Row o) {
      return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private GanttCharts() {}

  static double naturalHeight(GanttChartSpec spec) {
    int rows = rows(spec).size();
    double title = spec.title().isEmpty() ? 0 : 22;
    return Math.round(title + 58 + rows * ROW_HEIGHT);
  }

  static List<Row> rows(GanttChartSpec spec) {
    Map<String, List<GanttChartSpec.Task>> groups = new LinkedHashMap<>();
    for (GanttChartSpec.Task t : spec.tasks()) {
      groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t);
    }
    List<Row> rows = new ArrayList<>();
    if (spec.asOf() != null) {
      rows.add(new Row(0, "", null)); // room for the "as of" label above the first bar
    }
    for (Map.Entry<String, List<GanttChartSpec.Task>> g : groups.entrySet()) {
      if (!g.getKey().isEmpty()) {
        int parts = headingRows(g.getKey());
        for (int part = 0; part < parts; part++) {
          rows.add(new Row(rows.size(), g.getKey(), null, part));
        }
      }
      for (GanttChartSpec.Task t : g.getValue()) {
        rows.add(new Row(rows.size(), t.name(), t));
      }
    }
    return rows;
  }

  /**
   * Characters of a bold heading that surely fit on a line of the label column of a portrait page.
   */
  static final int HEADING_LINE_CHARS = 28;

  /**
   * How many rows a group heading takes: one for every two lines it needs at {@link
   * #HEADING_LINE_CHARS} characters a line (the axis measures the real width when it draws; a row
   * it does not need stays blank).
   */
  static int headingRows(String heading) {
    int lines = (int) Math.ceil(heading.strip().length() / (double) HEADING_LINE_CHARS);
    return Math.max(1, (lines + 1) / 2);
  }

  static CategoryPlot plot(GanttChartSpec spec, ChartFonts fonts, double heightPt) {
    List<Row> rows = rows(spec);
    Number[][] starts = new Number[1][rows.size()];
    Number[][] ends = new Number[1][rows.size()];
    for (Row r : rows) {
      if (r.task() != null) {
        starts[0][r.index()] = millis(r.task().start());
        ends[0][r.index()] = millis(r.task().end().plusDays(1));
      }
    }
    DefaultIntervalCategoryDataset data =
        new DefaultIntervalCategoryDataset(
            new Comparable<?>[] {"Tasks"}, rows.toArray(new Comparable<?>[0]), starts, ends);

    CategoryAxis taskAxis = new WrappingCategoryAxis(null);
    CategoryCharts.styleAxis(taskAxis, fonts);
    taskAxis.setMaximumCategoryLabelLines(2);
    taskAxis.setMaximumCategoryLabelWidthRatio(0.36f);
    taskAxis.setCategoryMargin(0.25);
    taskAxis.setLowerMargin(0.01);
    taskAxis.setUpperMargin(0.01);
    taskAxis.setTickMarksVisible(false);
    for (Row r : rows) {
      if (r.task() == null) {
        taskAxis.setTickLabelFont(r, fonts.bold(ChartStyle.TICK_SIZE));
      }
    }

    DateAxis dates = dateAxis(spec, fonts);
    IntervalBarRenderer renderer = renderer(rows, fonts);
    CategoryPlot plot = new CategoryPlot(data, taskAxis, dates, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(ChartStyle.BACKGROUND);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    plot.setRangeGridlineStroke(ChartStyle.solid(0.5f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setInsets(new RectangleInsets(2, 2, 2, 4));
    if (spec.asOf() != null) {
      ValueMarker asOf =
          new ValueMarker(millis(spec.asOf()), Color.BLACK, ChartStyle.dashed(1.25f));
      asOf.setLabel(spec.asOfLabel());
      asOf.setLabelFont(fonts.bold(ChartStyle.SMALL_SIZE));
      asOf.setLabelPaint(ChartStyle.TEXT);
      asOf.setLabelBackgroundColor(ChartStyle.BACKGROUND);
      double range = dates.getUpperBound() - dates.getLowerBound();
      boolean nearRightEdge = (millis(spec.asOf()) - dates.getLowerBound()) / range > 0.6;
      asOf.setLabelAnchor(nearRightEdge ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
      asOf.setLabelTextAnchor(nearRightEdge ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
      asOf.setLabelOffset(new RectangleInsets(2, 3, 2, 3));
      plot.addRangeMarker(asOf, Layer.FOREGROUND);
    }
    plot.setFixedLegendItems(legend(spec));
    double plotHeight = Math.max(40, heightPt - (spec.title().isEmpty() ? 0 : 22) - 50);
    renderer.setMaximumBarWidth(Math.min(0.9, MAX_BAR / plotHeight));
    return plot;
  }

  private static DateAxis dateAxis(GanttChartSpec spec, ChartFonts fonts) {
    LocalDate first =
        spec.tasks().stream()
            .map(GanttChartSpec.Task::start)
            .min(LocalDate::compareTo)
            .orElseThrow();
    LocalDate last =
        spec.tasks().stream().map(GanttChartSpec.Task::end).max(LocalDate::compareTo).orElseThrow();
    if (spec.asOf() != null) {
      first = spec.asOf().isBefore(first) ? spec.asOf() : first;
      last = spec.asOf().isAfter(last) ? spec.asOf() : last;
    }
    LocalDate lower = first.withDayOfMonth(1);
    long days = ChronoUnit.DAYS.between(lower, last) + 1;
    // room right of the last bar for its status label, more for longer words ("No status reported")
    int longest = spec.tasks().stream().mapToInt(t -> t.statusLabel().length()).max().orElse(0);
    double words = Math.max(1.0, longest / 11.0);
    LocalDate upper =
        last.plusDays(Math.round(Math.max(20, days / 6) * words)).withDayOfMonth(1).plusMonths(1);
    long months = ChronoUnit.MONTHS.between(lower, upper);
    int step = months <= 9 ? 1 : months <= 18 ? 2 : months <= 36 ? 3 : months <= 72 ? 6 : 12;

    DateAxis axis = new DateAxis(null, UTC, Locale.ENGLISH);
    CategoryCharts.styleAxis(axis, fonts);
    SimpleDateFormat format =
        step >= 12 ? new SimpleDateFormat("yyyy", Locale.ENGLISH) : new MonthTicks(millis(lower));
    format.setTimeZone(UTC);
    axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, step, format));
    axis.setTickMarkPosition(DateTickMarkPosition.START);
    axis.setRange(millis(lower), millis(upper));
    axis.setLowerMargin(0);
    axis.setUpperMargin(0);
    return axis;
  }

  /**
   * Month ticks: "Jan 2025" on the axis's first tick and on each January, the month alone on the
   * others. A year on every tick made neighbouring labels overlap on a portrait page.
   */
  private static final class MonthTicks extends SimpleDateFormat {
    private final long first;

    MonthTicks(long first) {
      super("MMM", Locale.ENGLISH);
      this.first = first;
    }

    @Override
    public StringBuffer format(java.util.Date date, StringBuffer to, java.text.FieldPosition pos) {
      java.util.Calendar cal = java.util.Calendar.getInstance(UTC, Locale.ENGLISH);
      cal.setTime(date);
      StringBuffer out = super.format(date, to, pos);
      if (date.getTime() <= first
          || cal.get(java.util.Calendar.MONTH) == java.util.Calendar.JANUARY) {
        out.append(' ').append(cal.get(java.util.Calendar.YEAR));
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MonthTicks m && m.first == first && super.equals(o);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(first);
    }
  }

  private static IntervalBarRenderer renderer(List<Row> rows, ChartFonts fonts) {
    IntervalBarRenderer r = new IntervalBarRenderer();
    r.setShadowVisible(false);
    r.setBarPainter(new StatusBarPainter(rows));
    r.setDrawBarOutline(true);
    r.setSeriesPaint(0, ChartStyle.SERIES.get(0));
    r.setDefaultItemLabelGenerator(new StatusLabels(rows));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(fonts.regular(ChartStyle.SMALL_SIZE));
    r.setDefaultItemLabelPaint(ChartStyle.TEXT);
    r.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    r.setDefaultNegativeItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    r.setItemLabelInsets(new RectangleInsets(3, 3, 3, 3));
    return r;
  }

  private static LegendItemCollection legend(GanttChartSpec spec) {
    Set<TaskStatus> used = EnumSet.noneOf(TaskStatus.class);
    Map<TaskStatus, String> words = new java.util.EnumMap<>(TaskStatus.class);
    spec.tasks()
        .forEach(
            t -> {
              used.add(t.status());
              words.putIfAbsent(t.status(), t.statusLabel());
            });
    LegendItemCollection items = new LegendItemCollection();
    for (TaskStatus s : used) {
      Look look = Look.of(s);
      Rectangle2D box = new Rectangle2D.Double(-6, -4, 12, 8);
      Shape hatch = StatusBarPainter.hatch(look.pattern, box);
      // the swatch shows the bar's pattern: the hatch lines are cut out of the filled box
      Area swatch = new Area(box);
      if (hatch != null) {
        swatch.subtract(new Area(hatch));
      }
      Stroke outline =
          look.dashedOutline
              ? new BasicStroke(
                  0.75f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_MITER,
                  10f,
                  new float[] {2f, 1.5f},
                  0f)
              : ChartStyle.solid(0.75f);
      items.add(
          new LegendItem(
              words.get(s),
              null,
              null,
              null,
              true,
              swatch,
              true,
              look.fill,
              hatch == null,
              look.outline(),
              outline,
              false,
              box,
              outline,
              look.fill));
    }
    if (spec.asOf() != null) {
      Shape line = new java.awt.geom.Line2D.Double(-7, 0, 7, 0);
      items.add(
          new LegendItem(
              spec.asOfLabel(),
              null,
              null,
              null,
              false,
              line,
              false,
              Color.BLACK,
              false,
              Color.BLACK,
              ChartStyle.solid(1f),
              true,
              line,
              ChartStyle.dashed(1.25f),
              Color.BLACK));
    }
    return items;
  }

  private static long millis(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The status label drawn right of each bar. */
  private record StatusLabels(List<Row> rows) implements CategoryItemLabelGenerator {
    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
      return "";
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
      return rows.get(column).label();
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      GanttChartSpec.Task t = rows.get(column).task();
      return t == null ? null : t.statusLabel();
    }
  }

  /** Paints each bar in its status's colour and pattern, as vectors (no images). */
  private record StatusBarPainter(List<Row> rows) implements BarPainter {
    @Override
    public void paintBar(
        Graphics2D g2,
        BarRenderer renderer,
        int row,
        int column,
        RectangularShape bar,
        RectangleEdge base) {
      GanttChartSpec.Task task = rows.get(column).task();
      if (task == null) {
        return;
      }
      Look look = Look.of(task.status());
      g2.setPaint(look.fill);
      g2.fill(bar);
      Shape hatch = hatch(look.pattern, bar.getBounds2D());
      if (hatch != null) {
        g2.setPaint(Color.WHITE);
        g2.fill(hatch);
      }
      g2.setPaint(look.outline());
      g2.setStroke(
          look.dashedOutline
              ? new BasicStroke(
                  1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f)
              : ChartStyle.solid(0.75f));
      g2.draw(bar);
    }

    @Override
    public void paintBarShadow(
        Graphics2D g2,
        BarRenderer renderer,
        int row,
        int column,
        RectangularShape bar,
        RectangleEdge base,
        boolean pegShadow) {
      // no shadows
    }

    static Shape hatch(Pattern pattern, Rectangle2D r) {
      if (pattern == Pattern.NONE
          || pattern == Pattern.SOLID
          || r.getWidth() <= 0
          || r.getHeight() <= 0) {
        return null;
      }
      double gap = 3.5;
      Path2D.Double lines = new Path2D.Double();
      double x0 = r.getMinX();
      double y0 = r.getMinY();
      double x1 = r.getMaxX();
      double y1 = r.getMaxY();
      double h = r.getHeight();
      if (pattern == Pattern.DIAGONAL || pattern == Pattern.CROSS) {
        for (double x = x0 - h; x < x1 + h; x += gap) {
          lines.moveTo(x, y1);
          lines.lineTo(x + h, y0);
        }
      }
      if (pattern == Pattern.CROSS) {
        for (double x = x0 - h; x < x1 + h; x += gap) {
          lines.moveTo(x, y0);
          lines.lineTo(x + h, y1);
        }
      }
      if (pattern == Pattern.HORIZONTAL) {
        for (double y = y0 + gap / 2; y < y1; y += gap * 0.8) {
          lines.moveTo(x0, y);
          lines.lineTo(x1, y);
        }
      }
      if (pattern == Pattern.VERTICAL) {
        for (double x = x0 + gap / 2; x < x1; x += gap) {
          lines.moveTo(x, y0);
          lines.lineTo(x, y1);
        }
      }
      Area area = new Area(new BasicStroke(0.9f).createStrokedShape(lines));
      area.intersect(new Area(r));
      return area;
    }
  }
}
