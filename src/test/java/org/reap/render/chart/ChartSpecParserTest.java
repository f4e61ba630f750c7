package org.reap.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reap.render.RenderException;
import org.reap.render.testing.Samples;

class ChartSpecParserTest {
  private static ChartSpec parse(String json) throws RenderException {
    return ChartSpecParser.parse(json, "chart 1");
  }

  @Test
  void readsALineChart() throws Exception {
    CategoryChartSpec c = (CategoryChartSpec) parse(Samples.LINE_CHART);
    assertThat(c.kind()).isEqualTo(CategoryChartSpec.Kind.LINE);
    assertThat(c.title()).isEqualTo("Share of contracts to minority-owned firms");
    assertThat(c.xLabel()).isEqualTo("Fiscal year");
    assertThat(c.categories()).containsExactly("2019", "2020", "2021", "2022", "2023");
    assertThat(c.series()).hasSize(2);
    assertThat(c.series().get(0).values()).containsExactly(4.1, 5.0, 6.2, null, 9.8);
    assertThat(c.target()).isEqualTo(12.5);
    assertThat(c.targetLabel()).isEqualTo("Target 2026");
  }

  @Test
  void readsAMinimalBarChart() throws Exception {
    CategoryChartSpec c =
        (CategoryChartSpec)
            parse(
                "{\"type\":\"bar\",\"categories\":[\"a\"],\"series\":[{\"name\":\"s\",\"values\":[1]}]}");
    assertThat(c.title()).isEmpty();
    assertThat(c.target()).isNull();
  }

  @Test
  void readsAGanttChart() throws Exception {
    GanttChartSpec g = (GanttChartSpec) parse(Samples.GANTT_CHART);
    assertThat(g.asOf()).isEqualTo(LocalDate.of(2024, 10, 29));
    assertThat(g.tasks()).hasSize(6);
    GanttChartSpec.Task t = g.tasks().get(2);
    assertThat(t.group()).isEqualTo("2) Racial Equity Resolution");
    assertThat(t.name()).isEqualTo("Design & hold listening sessions");
    assertThat(t.start()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(t.end()).isEqualTo(LocalDate.of(2024, 6, 30));
    assertThat(t.status()).isEqualTo(TaskStatus.DONE);
    assertThat(t.statusLabel()).isEqualTo("Done");
  }

  @Test
  void ganttDefaultsTheAsOfLabelAndAcceptsStatusSpellings() throws Exception {
    GanttChartSpec g =
        (GanttChartSpec)
            parse(
                "{\"type\":\"gantt\",\"asOf\":\"2024-03-05\",\"tasks\":["
                    + "{\"name\":\"a\",\"start\":\"2024-01-01\",\"end\":\"2024-01-01\",\"status\":\"In_Progress\"},"
                    + "{\"name\":\"b\",\"start\":\"2024-01-01\",\"end\":\"2024-02-01\",\"status\":\"not started\","
                    + "\"statusLabel\":\"Waiting on funds\"}]}");
    assertThat(g.asOfLabel()).isEqualTo("As of Mar 5, 2024");
    assertThat(g.tasks().get(0).status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(g.tasks().get(0).group()).isEmpty();
    assertThat(g.tasks().get(1).status()).isEqualTo(TaskStatus.PLANNED);
    assertThat(g.tasks().get(1).statusLabel()).isEqualTo("Waiting on funds");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"pie\"}|\"type\" is \"pie\"",
        "{\"title\":\"x\"}|no \"type\" field",
        "[1,2]|must be a JSON object",
        "{\"type\":\"line\",|not valid JSON at column",
        "''|is empty",
        "{\"type\":\"line\",\"type\":\"bar\"}|Duplicate field 'type'",
        "{\"type\":\"line\",\"xlabel\":\"x\",\"categories\":[\"a\"],\"series\":[]}|\"xlabel\" is not known",
        "{\"type\":\"line\",\"categories\":[],\"series\":[]}|1 to 200 category names",
        "{\"type\":\"line\",\"categories\":[\"a\",\"a\"],\"series\":[]}|lists \"a\" twice",
        "{\"type\":\"line\",\"categories\":[\"a\"],\"series\":[{\"name\":\"s\",\"values\":[\"1\"]}]}|series[0].values[0]\" must be a number",
        "{\"type\":\"line\",\"categories\":[\"a\"],\"series\":[{\"values\":[1]}]}|series[0].name\" is missing",
        "{\"type\":\"line\",\"categories\":[\"a\"],\"series\":[{\"name\":\"s\",\"values\":[1]},{\"name\":\"s\",\"values\":[2]}]}|Two series are named \"s\"",
        "{\"type\":\"bar\",\"categories\":[\"a\"],\"series\":[{\"name\":\"s\",\"values\":[1]}],\"targetLabel\":\"T\"}|\"target\" is not",
        "{\"type\":\"gantt\",\"tasks\":[{\"name\":\"a\",\"start\":\"2024-13-01\",\"end\":\"2024-01-01\",\"status\":\"done\"}]}|write dates as YYYY-MM-DD",
        "{\"type\":\"gantt\",\"tasks\":[{\"name\":\"a\",\"start\":\"2024-02-01\",\"end\":\"2024-01-01\",\"status\":\"done\"}]}|ends (2024-01-01) before it starts",
        "{\"type\":\"gantt\",\"tasks\":[{\"name\":\"a\",\"start\":\"2024-01-01\",\"end\":\"2024-01-01\",\"status\":\"finished\"}]}|use one of done, in-progress, planned, at-risk, overdue, missed, dropped, not-reported",
        "{\"type\":\"gantt\",\"tasks\":[]}|1 to 300 tasks",
        "{\"type\":\"gantt\",\"asOfLabel\":\"x\",\"tasks\":[]}|\"asOf\" is not",
      })
  void rejectsBadSpecsWithAUsefulMessage(String json, String expected) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining(expected)
        .satisfies(
            e ->
                assertThat(((RenderException) e).location())
                    .hasValueSatisfying(loc -> assertThat(loc).startsWith("chart 1")));
  }

  @Test
  void pointsAtTheColumnOfTheBadValue() {
    String json =
        "{\"type\":\"line\",\"categories\":[\"a\"],\"series\":[{\"name\":\"s\",\"values\":[true]}]}";
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(RenderException.class)
        .satisfies(
            e ->
                assertThat(((RenderException) e).location())
                    .hasValue("chart 1, data-chart column " + (json.indexOf("true") + 1)));
  }

  @Test
  void rejectsHugeSpecs() {
    char[] big = new char[JsonTree.MAX_CHARS + 1];
    Arrays.fill(big, ' ');
    assertThatThrownBy(() -> parse(new String(big))).hasMessageContaining("larger than");
    String deep = "[".repeat(50) + "]".repeat(50);
    assertThatThrownBy(() -> parse(deep)).isInstanceOf(RenderException.class);
  }
}
