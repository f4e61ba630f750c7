package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.render.chart.CategoryChartSpec;
import org.reap.render.chart.ChartSpecParser;
import org.reap.render.view.Indicator;

/**
 * Indicators broken down by several dimensions (docs/examples: race × gender), qualitative
 * indicators, the equity analysis in the six steps of the GARE tool with its indicators, and the
 * agenda item's department, as the PDFs print them and as the templates get them.
 */
class BreakdownRenderTest {
  static Renderer.Result examples;
  static Repository repo;

  @BeforeAll
  static void render() {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(Path.of("docs/examples")));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    repo = c.repository();
    examples = RenderTest.renderer(Path.of("docs/examples"), RenderTest.AS_OF, null).render();
    assertThat(examples.problems()).isEmpty();
  }

  static String pdf(String name) throws IOException {
    return RenderTest.pdfText(RenderTest.files(examples).get(name));
  }

  static Indicator indicatorView(String id) {
    Labels labels = new Labels(java.util.Locale.ENGLISH);
    IndicatorViews v = new IndicatorViews(new ModelBuilder(labels), labels);
    Document d = repo.ofKind("indicators").get(0);
    for (Node n : d.root().list("indicators")) {
      if (id.equals(((Node.Obj) n).string("id"))) {
        return v.indicator((Node.Obj) n);
      }
    }
    throw new AssertionError("no indicator " + id);
  }

  @Test
  void raceByGenderGetsSmallMultiplesOnOneScaleEachGroupLookingTheSameInEveryChart()
      throws Exception {
    Indicator iv = indicatorView("riverton-ind-workforce");
    List<Indicator.Chart> charts = iv.multiples();
    assertThat(charts)
        .extracting(Indicator.Chart::title)
        .containsExactly("By Race/ethnicity", "By Gender", "Gender: Women", "Gender: Men");
    List<CategoryChartSpec> specs = new ArrayList<>();
    for (Indicator.Chart c : charts) {
      specs.add((CategoryChartSpec) ChartSpecParser.parse(c.spec(), "test"));
      assertThat(c.alt()).startsWith("Line chart of City employees by ");
    }
    // the chart of one dimension: everyone first, then the groups in their declared order
    assertThat(specs.get(0).series())
        .extracting(CategoryChartSpec.Series::name)
        .containsExactly("Everyone", "Asian", "Black", "Latino", "White", "Other or multiple");
    // each small multiple: the group's own total first, so Asian is the second series (same look)
    // everywhere
    assertThat(specs.get(2).series())
        .extracting(CategoryChartSpec.Series::name)
        .containsExactly("Women", "Asian", "Black", "Latino", "White", "Other or multiple");
    assertThat(specs.get(3).series())
        .extracting(CategoryChartSpec.Series::name)
        .containsExactly("Men", "Asian", "Black", "Latino", "White", "Other or multiple");
    assertThat(specs.get(2).series().get(4).values()).containsExactly(160.0, 158.0, 155.0);
    // one scale for the multiples: the largest value in any of them (Men, 2024: 427... 424; 2025:
    // 427)
    assertThat(specs.get(2).yMax()).isEqualTo(427.0).isEqualTo(specs.get(3).yMax());
    assertThat(specs.get(0).yMax()).isNull();
  }

  @Test
  void raceByGenderIsCrossTabulatedWithTotals() {
    Indicator iv = indicatorView("riverton-ind-workforce");
    List<Indicator.Crosstab> x = iv.crosstabs();
    assertThat(x).hasSize(1);
    assertThat(x.get(0).columns()).isEqualTo(List.of("Women", "Men", "Total"));
    List<Indicator.Series> rows = x.get(0).rows();
    assertThat(rows)
        .extracting(Indicator.Series::name)
        .containsExactly("Asian", "Black", "Latino", "White", "Other or multiple", "Total");
    assertThat(rows.get(3).values()).isEqualTo(List.of("155", "236", "391"));
    assertThat(rows.get(5).values()).isEqualTo(List.of("329", "427", "756"));
    assertThat(rows.get(5).total()).isTrue();
    assertThat(rows.get(3).total()).isNull();
  }

  @Test
  void theIndicatorsPdfPrintsBreakdownsAndQualitativeIndicators() throws IOException {
    String text = pdf("riverton-indicators.pdf");
    assertThat(text)
        .contains("Broken down by Race/ethnicity, Gender")
        .contains("City employees by Race/ethnicity × Gender, 2025 (people)")
        .contains("Other or multiple × Women")
        .contains(
            "Language access policy",
            "Qualitative (no unit)",
            "Draft in review",
            "Adopted by Council",
            "In force in 4 of 11 departments",
            "In force in every department");
    // a qualitative indicator has no direction (it has no polarity)
    String qual = text.substring(text.indexOf("Language access policy"));
    assertThat(qual).doesNotContain("Direction");
  }

  @Test
  void theEquityAnalysisPrintsTheSixStepsInOrderWithItsIndicators() throws IOException {
    String text = pdf("riverton-rea-permits.pdf");
    String[] steps = {
      "Step 1: Desired results and outcomes", "Step 2: Data", "Step 3: Community engagement",
      "Step 4: Analysis and strategies", "Step 5: Implementation plan",
          "Step 6: Accountability and communication"
    };
    int at = -1;
    for (String s : steps) {
      int i = text.indexOf(s);
      assertThat(i).as(s).isGreaterThan(at);
      at = i;
    }
    assertThat(text)
        .contains(
            "Community indicators",
            "Performance measures",
            "Waivers granted each quarter, by neighbourhood")
        .contains(
            "Opportunities to expand engagement",
            "Community engagement plan",
            "Listening session in Vietnamese",
            "June 2025")
        .contains(
            "Short-term strategies",
            "Waive fees for repairs under $5,000 from July 2025",
            "Long-term strategies")
        .contains(
            "Train permit counter staff on the waiver",
            "June–July 2025",
            "Building Department; Community Engagement Team",
            "Four hours of training")
        .contains("Flyers in English, Spanish and Vietnamese");
    // the indicator the analysis names is printed with its figures, after step 6's heading
    String step6 = text.substring(text.indexOf(steps[5]));
    assertThat(step6)
        .contains(
            "Indicators",
            "Median days to process a permit",
            "Baseline",
            "40 (2023)",
            "Lower is better");
    // and named, with its latest figure, among the community indicators of step 1
    // (text extraction takes the italic name out of line, so the pieces are checked one by one)
    String step1 = text.substring(text.indexOf(steps[0]), text.indexOf(steps[1]));
    assertThat(step1)
        .contains(
            "Median days to process a permit, by race of the applicant",
            "Latest:",
            "37 days, 2024");
    assertThat(step1.split("Median days to process a permit", -1))
        .as("the text and the indicator's name")
        .hasSize(3);
  }

  @Test
  void theMemoPrintsTheDepartment() throws IOException {
    assertThat(pdf("riverton-eq-2025-05-13-item-2.pdf"))
        .contains("Department Office of Equity and Inclusion");
  }

  @TempDir Path dir;

  @Test
  void anAnalysisWithOnlyItsProposalStillShowsEveryStep() throws IOException {
    Path plans = Files.createDirectories(dir.resolve("plans"));
    Files.writeString(
        plans.resolve("rea.yaml"),
        """
        reap: 1
        kind: equity-analysis
        id: rea-bare
        title: Bare analysis
        proposal: {title: A proposal, type: program}
        """);
    Renderer.Result r = RenderTest.renderer(plans, RenderTest.AS_OF, null).render();
    assertThat(r.problems()).isEmpty();
    String text = RenderTest.pdfText(RenderTest.files(r).get("rea-bare.pdf"));
    for (int n = 1; n <= 6; n++) {
      assertThat(text).contains("Step " + n + ":");
    }
    assertThat(text.split("Not yet answered\\.", -1)).hasSize(7);
  }
}
