package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reap.render.chart.CategoryChartSpec;
import org.reap.render.chart.ChartSpecParser;
import org.reap.render.chart.GanttChartSpec;

/**
 * The chart specs reap makes from documents are always ones the chart step accepts: before this, a
 * deliverable title or indicator name over 300 characters, a group named like the "Everyone"
 * series, or two observations on the same date passed reap validate and failed at render.
 */
class ChartsTest {
  static final String LONG =
      "Community listening sessions in every district ".repeat(10); // 470 characters

  @Test
  void shortTextIsOnlyStripped() {
    assertThat(Charts.fit("  Hold sessions \n")).isEqualTo("Hold sessions");
    assertThat(Charts.fit(null)).isNull();
    String exactly = "x".repeat(ChartSpecParser.MAX_TEXT);
    assertThat(Charts.fit(exactly)).isSameAs(exactly);
  }

  @Test
  void longTextIsCutAtAWordCharacterBoundaryWithAnEllipsis() {
    String fitted = Charts.fit(LONG);
    assertThat(fitted).hasSizeLessThanOrEqualTo(ChartSpecParser.MAX_TEXT).endsWith("\u2026");
    assertThat(LONG).startsWith(fitted.substring(0, fitted.length() - 1));
    assertThat(fitted.charAt(fitted.length() - 2))
        .as("no space before the ellipsis")
        .isNotEqualTo(' ');
    // exactly one character too long: the last character gives way to the ellipsis
    String over = "y".repeat(ChartSpecParser.MAX_TEXT + 1);
    assertThat(Charts.fit(over)).isEqualTo("y".repeat(ChartSpecParser.MAX_TEXT - 1) + "\u2026");
  }

  @Test
  void aCutNeverSplitsASurrogatePairOrACombiningSequence() {
    String emoji = "\uD83D\uDE00".repeat(200); // 400 chars, 200 code points
    String fitted = Charts.fit(emoji);
    assertThat(fitted).hasSizeLessThanOrEqualTo(ChartSpecParser.MAX_TEXT).endsWith("\u2026");
    assertThat(Character.isHighSurrogate(fitted.charAt(fitted.length() - 2))).isFalse();
    assertThat(
            fitted
                .codePoints()
                .filter(cp -> cp == 0xFFFD || Character.isSurrogate((char) cp))
                .count())
        .isZero();
    String accented = "e\u0301".repeat(200); // é as e + combining acute
    String f2 = Charts.fit(accented);
    assertThat(f2.charAt(f2.length() - 2))
        .as("the accent stays with its letter")
        .isEqualTo('\u0301');
    // one letter carrying 400 combining marks has no grapheme boundary to cut at: cut between code
    // points
    String zalgo = "a" + "\u0301".repeat(400);
    assertThat(Charts.fit(zalgo)).hasSize(ChartSpecParser.MAX_TEXT).endsWith("\u2026");
    String astral = "\uD83D\uDE00" + "\u0301".repeat(297) + "\uD83D\uDE00\uD83D\uDE00";
    String f3 = Charts.fit(astral);
    assertThat(Character.isHighSurrogate(f3.charAt(f3.length() - 2))).isFalse();
  }

  @Test
  void namesAreMadeDistinctAndNeverBlank() {
    assertThat(Charts.distinct(List.of("Everyone", "Black", "Everyone", "Everyone", " ", "")))
        .containsExactly(
            "Everyone", "Black", "Everyone (2)", "Everyone (3)", "\u2014", "\u2014 (2)");
    assertThat(Charts.distinct(List.of("x", "x (2)", "x"))).containsExactly("x", "x (2)", "x (3)");
    List<String> longTwice = Charts.distinct(List.of(LONG, LONG));
    assertThat(longTwice.get(1))
        .hasSizeLessThanOrEqualTo(ChartSpecParser.MAX_TEXT)
        .endsWith("\u2026 (2)");
    assertThat(longTwice.get(0)).isNotEqualTo(longTwice.get(1));
  }

  @Test
  void aLineChartFromHostileTextIsAcceptedByTheChartParser() throws RenderException {
    List<Charts.Series> series =
        List.of(
            new Charts.Series("Everyone", List.of(BigDecimal.ONE, BigDecimal.TEN)),
            new Charts.Series("Everyone", nullThen(BigDecimal.TWO)),
            new Charts.Series(LONG, List.of(BigDecimal.ONE, BigDecimal.ONE)));
    String json =
        Charts.line(LONG, LONG, LONG, List.of("TBD", "TBD"), series, BigDecimal.TEN, LONG);
    CategoryChartSpec spec = (CategoryChartSpec) ChartSpecParser.parse(json, "chart 1");
    assertThat(spec.title()).endsWith("\u2026");
    assertThat(spec.categories()).containsExactly("TBD", "TBD (2)");
    assertThat(spec.series())
        .extracting(CategoryChartSpec.Series::name)
        .element(1)
        .isEqualTo("Everyone (2)");
    assertThat(spec.series().get(1).values()).containsExactly(null, 2.0);
    assertThat(spec.target()).isEqualTo(10.0);
  }

  @Test
  void aGanttChartFromHostileTextIsAcceptedByTheChartParser() throws RenderException {
    List<Charts.Task> tasks =
        List.of(
            new Charts.Task(LONG, LONG, "2025-01-01", "2025-02-28", "done", null),
            new Charts.Task(null, "   ", "2025-03-01", "2025-03-31", "planned", null));
    GanttChartSpec spec =
        (GanttChartSpec)
            ChartSpecParser.parse(Charts.gantt(LONG, "2025-05-01", LONG, tasks), "chart 1");
    assertThat(spec.tasks()).hasSize(2);
    assertThat(spec.tasks().get(0).name())
        .hasSizeLessThanOrEqualTo(ChartSpecParser.MAX_TEXT)
        .endsWith("\u2026");
    assertThat(spec.tasks().get(1).name()).isEqualTo("\u2014");
    assertThat(spec.tasks().get(1).group()).isEmpty();
  }

  @Test
  void aChartLargerThanTheChartStepDrawsIsLeftOut() throws RenderException {
    List<Charts.Task> many = new ArrayList<>();
    for (int i = 0; i <= ChartSpecParser.MAX_TASKS; i++) {
      many.add(new Charts.Task("g", "task " + i, "2025-01-01", "2025-01-31", "planned", null));
    }
    assertThat(Charts.gantt("t", null, null, many)).isNull();
    assertThat(
            ChartSpecParser.parse(
                Charts.gantt("t", null, null, many.subList(0, ChartSpecParser.MAX_TASKS)), "c"))
        .isNotNull();
    assertThat(Charts.gantt("t", null, null, List.of())).isNull();

    List<String> cats = new ArrayList<>();
    for (int i = 0; i <= ChartSpecParser.MAX_CATEGORIES; i++) {
      cats.add("c" + i);
    }
    List<BigDecimal> values = Collections.nCopies(cats.size(), BigDecimal.ONE);
    assertThat(
            Charts.line("t", "x", "y", cats, List.of(new Charts.Series("s", values)), null, null))
        .isNull();
    List<String> fewer = cats.subList(0, ChartSpecParser.MAX_CATEGORIES);
    assertThat(
            ChartSpecParser.parse(
                Charts.line(
                    "t",
                    "x",
                    "y",
                    fewer,
                    List.of(new Charts.Series("s", values.subList(0, fewer.size()))),
                    null,
                    null),
                "c"))
        .isNotNull();

    List<Charts.Series> series = new ArrayList<>();
    for (int i = 0; i <= ChartSpecParser.MAX_SERIES; i++) {
      series.add(new Charts.Series("group " + i, List.of(BigDecimal.ONE)));
    }
    assertThat(Charts.line("t", "x", "y", List.of("2024"), series, null, null)).isNull();
    assertThat(
            ChartSpecParser.parse(
                Charts.line(
                    "t",
                    "x",
                    "y",
                    List.of("2024"),
                    series.subList(0, ChartSpecParser.MAX_SERIES),
                    null,
                    null),
                "c"))
        .isNotNull();
    assertThat(Charts.line("t", "x", "y", List.of(), series.subList(0, 1), null, null)).isNull();
    assertThat(Charts.line("t", "x", "y", List.of("2024"), List.of(), null, null)).isNull();
  }

  /** A missing value, then {@code second} (List.of refuses nulls). */
  static List<BigDecimal> nullThen(BigDecimal second) {
    List<BigDecimal> l = new ArrayList<>();
    l.add(null);
    l.add(second);
    return l;
  }
}
