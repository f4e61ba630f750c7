package org.reap.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ChartStyleTest {
  @Test
  void seriesColoursHaveAtLeast3To1ContrastOnWhite() {
    assertThat(ChartStyle.SERIES)
        .allSatisfy(
            c ->
                assertThat(ChartStyle.contrast(c, Color.WHITE))
                    .as(hex(c))
                    .isGreaterThanOrEqualTo(3.0));
  }

  @Test
  void textHasAtLeast4point5To1AndAxesAtLeast3To1() {
    assertThat(ChartStyle.contrast(ChartStyle.TEXT, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
    assertThat(ChartStyle.contrast(ChartStyle.AXIS, Color.WHITE)).isGreaterThanOrEqualTo(3.0);
  }

  @Test
  void everyGanttStatusIsVisibleWithoutColourAndEdgedAt3To1() {
    for (GanttCharts.Look look : GanttCharts.Look.values()) {
      assertThat(ChartStyle.contrast(look.outline(), Color.WHITE))
          .as(look.name())
          .isGreaterThanOrEqualTo(3.0);
    }
    // no two statuses share a pattern-and-outline combination
    assertThat(
            java.util.Arrays.stream(GanttCharts.Look.values())
                .map(l -> l.pattern + "/" + l.dashedOutline)
                .distinct()
                .count())
        .isEqualTo(GanttCharts.Look.values().length);
  }

  @Test
  void contrastMatchesWcagExamples() {
    assertThat(ChartStyle.contrast(Color.BLACK, Color.WHITE)).isEqualTo(21.0);
    assertThat(ChartStyle.contrast(new Color(0x767676), Color.WHITE)).isBetween(4.5, 4.6);
  }

  private static String hex(Color c) {
    return String.format("#%06X", c.getRGB() & 0xFFFFFF);
  }
}
