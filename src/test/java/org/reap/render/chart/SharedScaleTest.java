package org.reap.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.reap.render.Charts;

/**
 * Small multiples share one scale: a line chart's "yMax" raises its value axis to at least that
 * value.
 */
class SharedScaleTest {
  @Test
  void yMaxRaisesTheValueAxisAndIsOptional() throws Exception {
    String json =
        Charts.line(
            "Women",
            "Date",
            "people",
            List.of("2023", "2024"),
            List.of(
                new Charts.Series(
                    "Asian",
                    List.of(new java.math.BigDecimal("30"), new java.math.BigDecimal("33")))),
            null,
            null,
            new java.math.BigDecimal("427"));
    assertThat(json).contains("\"yMax\":427");
    CategoryChartSpec spec = (CategoryChartSpec) ChartSpecParser.parse(json, "test");
    assertThat(spec.yMax()).isEqualTo(427.0);
    CategoryPlot plot = CategoryCharts.plot(spec, ChartFonts.get());
    assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(427.0);
    assertThat(plot.getRangeAxis().getLowerBound()).isEqualTo(0.0);

    String own =
        Charts.line(
            "Women",
            "Date",
            "people",
            List.of("2023", "2024"),
            List.of(
                new Charts.Series(
                    "Asian",
                    List.of(new java.math.BigDecimal("30"), new java.math.BigDecimal("33")))),
            null,
            null);
    assertThat(own).doesNotContain("yMax");
    CategoryPlot ownPlot =
        CategoryCharts.plot(
            (CategoryChartSpec) ChartSpecParser.parse(own, "test"), ChartFonts.get());
    assertThat(ownPlot.getRangeAxis().getUpperBound()).isLessThan(100.0);
  }

  @Test
  void aYMaxThatIsNotANumberIsRefused() {
    String json =
        "{\"type\":\"line\",\"categories\":[\"2024\"],\"series\":[{\"name\":\"a\",\"values\":[1]}],\"yMax\":\"high\"}";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChartSpecParser.parse(json, "chart 1"))
        .hasMessageContaining("yMax");
  }
}
