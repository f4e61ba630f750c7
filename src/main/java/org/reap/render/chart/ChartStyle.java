package org.reap.render.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Colours, strokes and shapes shared by every chart.
 *
 * <p>The series palette is the Okabe–Ito colour-blind-safe set without its light members, plus dark
 * extras; every colour has a contrast of at least 3:1 against white (tested). Series are also told
 * apart by marker (six shapes, filled then hollow) and dash pattern, so colour is never the only
 * cue: up to {@link #DISTINCT} series, no two share a colour or a marker (tested).
 */
public final class ChartStyle {
  /** Series colours, in order of use. */
  public static final List<Color> SERIES =
      List.of(
          new Color(0x0072B2), // blue
          new Color(0xD55E00), // vermillion
          new Color(0x009E73), // bluish green
          new Color(0x000000), // black
          new Color(0xCC79A7), // reddish purple
          new Color(0x882255), // wine
          new Color(0x595959), // dark grey
          new Color(0x332288), // indigo
          new Color(0x8C510A), // brown
          new Color(0x117733), // dark green
          new Color(0xB8860B), // dark goldenrod
          new Color(0xAA4499)); // purple

  /** How many series are drawn without two sharing a colour or a marker. */
  public static final int DISTINCT = 12;

  private static final int SHAPES = 6;

  /** Text: contrast 15.9:1 on white. */
  public static final Color TEXT = new Color(0x222222);

  /** Axis lines and marker lines: contrast 7:1 on white. */
  public static final Color AXIS = new Color(0x595959);

  /** Grid lines (decoration, not data). */
  public static final Color GRID = new Color(0xD9D9D9);

  public static final Color BACKGROUND = Color.WHITE;

  public static final float TITLE_SIZE = 11f;
  public static final float LABEL_SIZE = 8.5f;
  public static final float TICK_SIZE = 8f;
  public static final float SMALL_SIZE = 7.5f;

  private static final float[][] DASHES = {null, {6f, 3f}, {2f, 2.5f}, {8f, 3f, 2f, 3f}};

  private ChartStyle() {}

  public static Color seriesColor(int i) {
    return SERIES.get(i % SERIES.size());
  }

  /** Line stroke of series {@code i}: solid, dashed, dotted, dash-dot, then repeating. */
  public static Stroke seriesStroke(int i) {
    float[] dash = DASHES[i % DASHES.length];
    return new BasicStroke(1.75f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /**
   * Marker shape of series {@code i}: circle, square, triangle, diamond, downward triangle,
   * pentagon; filled for the first six series, hollow for the next six (see {@link #seriesFilled}),
   * then repeating.
   */
  public static Shape seriesShape(int i) {
    double s = 6;
    double h = s / 2;
    return switch (i % SHAPES) {
      case 0 -> new Ellipse2D.Double(-h, -h, s, s);
      case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
      case 2 -> triangle(h);
      case 3 -> diamond(h * 1.15);
      case 4 -> downTriangle(h);
      default -> pentagon(h * 1.1);
    };
  }

  /**
   * Whether series {@code i}'s markers are filled (the first six) or drawn as outlines (the next
   * six).
   */
  public static boolean seriesFilled(int i) {
    return (i / SHAPES) % 2 == 0;
  }

  public static Stroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f);
  }

  public static Stroke solid(float width) {
    return new BasicStroke(width);
  }

  private static Shape triangle(double h) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -h * 1.15);
    p.lineTo(h * 1.1, h * 0.85);
    p.lineTo(-h * 1.1, h * 0.85);
    p.closePath();
    return p;
  }

  private static Shape downTriangle(double h) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, h * 1.15);
    p.lineTo(h * 1.1, -h * 0.85);
    p.lineTo(-h * 1.1, -h * 0.85);
    p.closePath();
    return p;
  }

  private static Shape pentagon(double r) {
    Path2D.Double p = new Path2D.Double();
    for (int k = 0; k < 5; k++) {
      double a = -Math.PI / 2 + k * 2 * Math.PI / 5;
      if (k == 0) {
        p.moveTo(r * Math.cos(a), r * Math.sin(a));
      } else {
        p.lineTo(r * Math.cos(a), r * Math.sin(a));
      }
    }
    p.closePath();
    return p;
  }

  private static Shape diamond(double h) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -h);
    p.lineTo(h, 0);
    p.lineTo(0, h);
    p.lineTo(-h, 0);
    p.closePath();
    return p;
  }

  /** WCAG 2 contrast ratio of two colours. */
  public static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * channel(c.getRed())
        + 0.7152 * channel(c.getGreen())
        + 0.0722 * channel(c.getBlue());
  }

  private static double channel(int v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
