package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reap.Pipeline;
import org.reap.schema.Settings;

/**
 * The published plans transcribed in docs/examples/NAME/ (each a repository of its own, with its
 * settings file): they validate with no finding, and their documents match golden XHTML in
 * src/test/resources/city-examples/NAME/ (write with -Dreap.golden.write=true, then review the
 * diff).
 */
class CityExamplesTest {
  static final Path EXAMPLES = Path.of("docs/examples");
  static final Path GOLDEN = Path.of("src/test/resources/city-examples");
  static final LocalDate AS_OF = LocalDate.of(2021, 10, 1);

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(Settings.FILE))).sorted().toList();
    }
  }

  @Test
  void thereAreAtLeastTwoCities() throws IOException {
    assertThat(examples())
        .extracting(p -> p.getFileName().toString())
        .contains("sf-public-works", "south-san-francisco");
  }

  @TestFactory
  Stream<DynamicTest> eachCityRendersAsItsGoldenFiles() throws IOException {
    return examples().stream()
        .flatMap(
            ex -> {
              Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(ex));
              assertThat(c.diagnostics()).as(ex + " validates with no finding").isEmpty();
              Renderer r =
                  new Renderer(
                      c.repository(),
                      new Renderer.Options(
                          AS_OF,
                          Renderer.pdfDate(AS_OF),
                          EnumSet.allOf(Renderer.Format.class),
                          null,
                          Set.of()));
              Path dir = GOLDEN.resolve(ex.getFileName().toString());
              return r.jobs().stream()
                  .map(
                      job ->
                          DynamicTest.dynamicTest(
                              ex.getFileName() + "/" + job.name(),
                              () -> {
                                String xhtml = r.xhtml(job);
                                Path golden = dir.resolve(job.name() + ".xhtml");
                                if (Boolean.getBoolean("reap.golden.write")) {
                                  Files.createDirectories(dir);
                                  Files.writeString(golden, xhtml, StandardCharsets.UTF_8);
                                }
                                assertThat(golden)
                                    .as(
                                        "golden file (write with -Dreap.golden.write=true, then review git diff)")
                                    .exists();
                                assertThat(xhtml)
                                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                              }));
            });
  }

  @Test
  void eachCityHasItsOwnCurrentReference() throws IOException {
    for (Path ex : examples()) {
      Settings s =
          org.reap.bind.SettingsLoader.load(
              ex.toAbsolutePath(),
              Path.of("").toAbsolutePath(),
              new org.reap.diagnostic.Diagnostics());
      String page = org.reap.schema.KindsDoc.markdown(s);
      assertThat(page).contains("## This repository");
      assertThat(Files.readString(ex.resolve("kinds.md"), StandardCharsets.UTF_8))
          .as("regenerate with ./reap schema --docs --repo " + ex + " > " + ex.resolve("kinds.md"))
          .isEqualTo(page);
    }
  }

  @Test
  void editorCompletionKnowsTheCitysFieldsWordsAndFiscalYears() throws IOException {
    Settings s =
        org.reap.bind.SettingsLoader.load(
            EXAMPLES.resolve("sf-public-works").toAbsolutePath(),
            Path.of("").toAbsolutePath(),
            new org.reap.diagnostic.Diagnostics());
    String schema = org.reap.schema.JsonSchema.forKind(org.reap.schema.Kinds.get("plan"), s);
    assertThat(schema).contains("\"priority\"", "\"Level 1\"", "\"Ongoing\"", "[Ff][Yy]");
    assertThat(org.reap.schema.JsonSchema.forKind(org.reap.schema.Kinds.get("plan")))
        .doesNotContain("\"priority\"", "\"Ongoing\"");
  }

  @Test
  void theSfTableHasTheDepartmentsColumnsInItsOrder() throws Exception {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(EXAMPLES.resolve("sf-public-works")));
    Renderer r =
        new Renderer(
            c.repository(),
            new Renderer.Options(
                AS_OF,
                Renderer.pdfDate(AS_OF),
                EnumSet.allOf(Renderer.Format.class),
                null,
                Set.of()));
    Renderer.Job plan =
        r.jobs().stream()
            .filter(j -> j.name().equals("sf-public-works-reap-phase-1"))
            .findFirst()
            .orElseThrow();
    String xhtml = r.xhtml(plan);
    List<String> headings =
        List.of(
            "Actions",
            "Timeline",
            "Implementation",
            "Resources Committed",
            "Indicators",
            "Status",
            "Lead",
            "Priority",
            "Lift",
            "Impact");
    int at = xhtml.indexOf("<table class=\"actions wide\"");
    assertThat(at).as("a wide action table").isPositive();
    for (String h : headings) {
      int next = xhtml.indexOf(">" + h + "</th>", at);
      assertThat(next).as(h + " after the previous heading").isGreaterThan(at);
      at = next;
    }
    assertThat(xhtml)
        .contains(
            "FY 2021-22",
            "Not started",
            "Ongoing",
            "Level 1",
            "Staff time: Moderate",
            "Financial: Overhead",
            "bureau managers",
            "size: letter landscape");
    assertThat(xhtml).as("6.1.3 reports no status: its cell stays empty").doesNotContain("Planned");
  }
}
