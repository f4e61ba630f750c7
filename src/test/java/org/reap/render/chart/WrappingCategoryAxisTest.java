package org.reap.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reap.render.RenderException;
import org.reap.render.pdf.SecureXml;

/**
 * Category and task labels wrap without cutting a character in two. Found by the render fuzz
 * target: a phase title of emoji made the Gantt chart's SVG invalid XML (a lone surrogate), so the
 * HTML page of a valid plan could not be made.
 */
class WrappingCategoryAxisTest {
  /** Every code point is 10 wide. */
  static float width(String s) {
    return 10f * s.codePointCount(0, s.length());
  }

  @Test
  void wrapsAtSpacesAndEndsWithAnEllipsisWhenOutOfLines() {
    assertThat(WrappingCategoryAxis.wrap("Hold sessions", 200, 2, WrappingCategoryAxisTest::width))
        .containsExactly("Hold sessions");
    assertThat(
            WrappingCategoryAxis.wrap(
                "Hold the sessions in May", 100, 2, WrappingCategoryAxisTest::width))
        .containsExactly("Hold the", "sessions\u2026");
    assertThat(
            WrappingCategoryAxis.wrap("Hold the sessions", 100, 3, WrappingCategoryAxisTest::width))
        .containsExactly("Hold the", "sessions");
    assertThat(WrappingCategoryAxis.wrap("", 100, 2, WrappingCategoryAxisTest::width)).isEmpty();
  }

  @Test
  void aWordTooWideIsCutBetweenWholeCharacters() {
    String emoji = "\uD83D\uDE00".repeat(30);
    List<String> lines = WrappingCategoryAxis.wrap(emoji, 95, 2, WrappingCategoryAxisTest::width);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("\uD83D\uDE00".repeat(9));
    assertThat(lines.get(1)).isEqualTo("\uD83D\uDE00".repeat(8) + "\u2026");
    String accents = "e\u0301".repeat(20);
    for (String line : WrappingCategoryAxis.wrap(accents, 45, 3, WrappingCategoryAxisTest::width)) {
      assertThat(line.charAt(0)).as("no line starts with a lone accent").isEqualTo('e');
    }
    // narrower than one character: one character a line, never an empty line
    assertThat(
            WrappingCategoryAxis.wrap(
                "\uD83D\uDE00\uD83D\uDE01", 1, 2, WrappingCategoryAxisTest::width))
        .containsExactly("\uD83D\uDE00", "\uD83D\uDE01");
  }

  @Test
  void chartsWithEmojiLabelsAreWellFormedSvg() throws RenderException {
    String emoji = "\uD83D\uDE00".repeat(60);
    ChartSpec line =
        ChartSpecParser.parse(
            "{\"type\":\"line\",\"categories\":[\""
                + emoji
                + "\",\"2025\"],"
                + "\"series\":[{\"name\":\"s\",\"values\":[1,2]}]}",
            "chart 1");
    SecureXml.parse(SvgCharts.toSvg(line, 480, 270, "a-"), "line chart SVG");
    ChartSpec gantt =
        ChartSpecParser.parse(
            "{\"type\":\"gantt\",\"tasks\":[{\"group\":\""
                + emoji
                + "\",\"name\":\""
                + emoji
                + "\",\"start\":\"2025-01-01\",\"end\":\"2025-02-01\",\"status\":\"done\"}]}",
            "chart 2");
    String svg = SvgCharts.toSvg(gantt, 480, 270, "b-");
    SecureXml.parse(svg, "gantt chart SVG");
    assertThat(svg).contains("\uD83D\uDE00");
  }

  @org.junit.jupiter.api.Test
  void aLongGroupHeadingTakesMoreRowsInsteadOfBeingCut() {
    org.assertj.core.api.Assertions.assertThat(GanttCharts.headingRows("Short group")).isEqualTo(1);
    String longOne =
        "3) Partnership & Accountability Strategy to Center Communities of Color for Racial Justice";
    org.assertj.core.api.Assertions.assertThat(GanttCharts.headingRows(longOne))
        .isGreaterThanOrEqualTo(2);
    // wrapped at a width holding about 33 characters, every word is kept over the rows given
    java.util.List<String> lines =
        WrappingCategoryAxis.wrap(
            longOne, 33, 2 * GanttCharts.headingRows(longOne), s -> s.length());
    org.assertj.core.api.Assertions.assertThat(String.join(" ", lines)).isEqualTo(longOne);
  }
}
