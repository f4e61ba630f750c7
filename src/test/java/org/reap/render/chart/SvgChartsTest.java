package org.reap.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reap.render.testing.Samples;

class SvgChartsTest {
  @Test
  void drawsTextAsTextWithStableIds() throws Exception {
    ChartSpec spec = ChartSpecParser.parse(Samples.LINE_CHART, "chart 1");
    String a = SvgCharts.toSvg(spec, 400, 240, "reap-chart-1-");
    String b = SvgCharts.toSvg(spec, 400, 240, "reap-chart-1-");
    assertThat(a).isEqualTo(b);
    assertThat(a)
        .startsWith("<svg")
        .contains(
            "viewBox='0 0 400 240'",
            "Share of contracts to minority-owned firms",
            "Public Works",
            ">Percent of contract dollars<",
            "DejaVu Sans");
    assertThat(a.replaceAll("id='reap-chart-1-[^']*'", "")).doesNotContain("id=");
    // well-formed XML, so it can be parsed and inlined
    org.reap.render.pdf.SecureXml.parse(a, "svg");
  }

  @Test
  void drawsAGanttChart() throws Exception {
    ChartSpec spec = ChartSpecParser.parse(Samples.GANTT_CHART, "chart 1");
    String svg = SvgCharts.toSvg(spec, 480, ChartBuilder.defaultHeight(spec, 480), "g-");
    assertThat(svg)
        .contains("Council vote", "As of Oct 29, 2024", "In progress", "Feb 2024", "Jun");
  }
}
