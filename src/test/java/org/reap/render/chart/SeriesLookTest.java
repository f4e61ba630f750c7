package org.reap.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.junit.jupiter.api.Test;

/**
 * No two series of a line chart look alike: up to {@link ChartStyle#DISTINCT} series each has its
 * own colour and its own marker (shape and fill), so a 10-line chart no longer draws its ninth
 * series ("White men") exactly like its first ("Everyone").
 */
class SeriesLookTest {
  static String outline(Shape s) {
    StringBuilder sb = new StringBuilder();
    double[] c = new double[6];
    for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      sb.append(type);
      for (int k = 0; k < 2; k++) {
        sb.append(',').append(Math.round(c[k] * 100));
      }
      sb.append(';');
    }
    return sb.toString();
  }

  @Test
  void theRendererGivesEverySeriesItsOwnColourAndMarker() {
    int n = ChartSpecParser.MAX_SERIES;
    assertThat(ChartStyle.DISTINCT).isGreaterThanOrEqualTo(n);
    List<CategoryChartSpec.Series> series = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      series.add(new CategoryChartSpec.Series("s" + i, List.of(1.0 + i, 2.0 + i)));
    }
    CategoryChartSpec spec =
        new CategoryChartSpec(
            CategoryChartSpec.Kind.LINE, "", "", "", List.of("2023", "2024"), series, null, "");
    CategoryPlot plot = CategoryCharts.plot(spec, ChartFonts.get());
    LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
    Set<Color> colours = new HashSet<>();
    Set<String> markers = new HashSet<>();
    Set<String> looks = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Color c = (Color) r.getSeriesPaint(i);
      String marker =
          outline(r.getSeriesShape(i)) + (r.getSeriesShapesFilled(i) ? "filled" : "hollow");
      colours.add(c);
      markers.add(marker);
      looks.add(c.getRGB() + "|" + marker + "|" + r.getSeriesStroke(i));
    }
    assertThat(colours).as("colours").hasSize(n);
    assertThat(markers).as("markers (shape and fill)").hasSize(n);
    assertThat(looks).hasSize(n);
    // hollow markers are outlined, or they would not show at all
    assertThat(r.getDrawOutlines()).isTrue();
  }

  @Test
  void everySeriesColourKeeps3To1ContrastOnWhite() {
    for (int i = 0; i < ChartStyle.DISTINCT; i++) {
      assertThat(ChartStyle.contrast(ChartStyle.seriesColor(i), Color.WHITE))
          .as("series " + i)
          .isGreaterThanOrEqualTo(3.0);
    }
  }
}
