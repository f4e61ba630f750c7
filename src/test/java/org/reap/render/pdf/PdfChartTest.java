package org.reap.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.render.RenderException;
import org.reap.render.testing.PdfInspect;
import org.reap.render.testing.Samples;

class PdfChartTest {
  @TempDir Path root;

  private byte[] render(String body) throws RenderException {
    return new PdfEngine(root).render(Samples.page(body), Samples.META);
  }

  private static String chart(String json, String alt) {
    return "<div class=\"reap-chart\" role=\"img\" aria-label=\""
        + alt
        + "\" data-chart=\""
        + Samples.attr(json)
        + "\"></div>";
  }

  @Test
  void aLineChartHasItsTitleSeriesAxisLabelsAndTargetAsText() throws Exception {
    byte[] pdf =
        render("<p>Before</p>" + chart(Samples.LINE_CHART, "Contract share rose") + "<p>After</p>");
    String text = PdfInspect.text(pdf);
    assertThat(text)
        .contains(
            "Before",
            "After",
            "Share of contracts to minority-owned firms",
            "All departments",
            "Public Works",
            "Fiscal year",
            "Percent of contract dollars",
            "Target 2026: 12.5",
            "2019",
            "2023");
    assertThat(PdfInspect.fonts(pdf))
        .allSatisfy(f -> assertThat(f).contains("embedded=true", "DejaVuSans"));
    // vector, not a picture of a chart
    assertThat(PdfInspect.raw(pdf)).doesNotContain("/Subtype/Image");
  }

  @Test
  void aBarChartRenders() throws Exception {
    String text = PdfInspect.text(render(chart(Samples.BAR_CHART, "Sessions per quarter")));
    assertThat(text)
        .contains("Listening sessions held", "In person", "Online", "Quarter", "Sessions", "Q4");
  }

  @Test
  void aGanttChartRendersTasksGroupsStatusesAndAsOf() throws Exception {
    String text = PdfInspect.text(render(chart(Samples.GANTT_CHART, "Work plan timeline")));
    assertThat(text)
        .contains(
            "Racial equity work plan",
            "1) Staff training",
            "2) Racial Equity Resolution",
            "Design & hold listening sessions",
            "Council vote",
            "As of Oct 29, 2024",
            "Done",
            "In progress",
            "Planned",
            "At risk",
            "Overdue",
            "Feb 2024",
            "Jun");
  }

  @Test
  void aChartWithoutCssSizeGetsADefaultSize() throws Exception {
    String body = chart(Samples.GANTT_CHART, "Timeline");
    byte[] pdf =
        new PdfEngine(root)
            .render(
                Samples.page(body).replace(".reap-chart { width: 400pt; height: 240pt; }", ""),
                Samples.META);
    assertThat(PdfInspect.text(pdf)).contains("Council vote");
  }

  @Test
  void aBadSpecNamesTheChartAndField() {
    String bad =
        "{\"type\":\"line\",\"categories\":[\"2022\",\"2023\"],\"series\":[{\"name\":\"All\",\"values\":[1]}]}";
    assertThatThrownBy(() -> render("<p>x</p>" + chart(bad, "Bad chart")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("series[0].values")
        .hasMessageContaining("one value (or null) per category")
        .satisfies(
            e ->
                assertThat(((RenderException) e).userMessage())
                    .startsWith("chart 1 (\"Bad chart\")"));
  }

  @Test
  void aChartNeedsATextAlternative() {
    assertThatThrownBy(
            () ->
                render(
                    "<div class=\"reap-chart\" data-chart=\""
                        + Samples.attr(Samples.BAR_CHART)
                        + "\"></div>"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("aria-label");
  }
}
