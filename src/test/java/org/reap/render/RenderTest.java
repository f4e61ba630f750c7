package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.reap.Pipeline;
import org.reap.cli.ExitCodes;
import org.reap.cli.Run;
import org.reap.testing.TestFiles;

/**
 * Rendering end to end: golden XHTML for every document type (docs/examples), the facts each PDF of
 * plans/ must carry, byte-identical output, template errors with positions, and that a failed
 * render leaves out/ as it was.
 */
class RenderTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 5, 1);
  static final Path GOLDEN = Path.of("src/test/resources/render-golden");

  static Renderer renderer(Path repo, LocalDate asOf, Path templates) {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    return new Renderer(
        c.repository(),
        new Renderer.Options(
            asOf,
            Renderer.pdfDate(asOf),
            EnumSet.allOf(Renderer.Format.class),
            templates,
            Set.of()));
  }

  @TestFactory
  Stream<DynamicTest> goldenXhtmlOfEveryDocumentType() {
    Renderer r = renderer(Path.of("docs/examples"), AS_OF, null);
    return r.jobs().stream()
        .map(
            job ->
                DynamicTest.dynamicTest(
                    job.name(),
                    () -> {
                      String xhtml = r.xhtml(job);
                      Path golden = GOLDEN.resolve(job.name() + ".xhtml");
                      if (Boolean.getBoolean("reap.golden.write")) {
                        Files.writeString(golden, xhtml, StandardCharsets.UTF_8);
                      }
                      assertThat(golden)
                          .as(
                              "golden file (write with -Dreap.golden.write=true, then review git diff)")
                          .exists();
                      assertThat(xhtml).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                    }));
  }

  @Test
  void everyGoldenFileHasADocument() throws IOException {
    Renderer r = renderer(Path.of("docs/examples"), AS_OF, null);
    Set<String> names = new java.util.HashSet<>();
    r.jobs().forEach(j -> names.add(j.name() + ".xhtml"));
    try (Stream<Path> s = Files.list(GOLDEN)) {
      s.forEach(
          p -> assertThat(names).as("stale golden file " + p).contains(p.getFileName().toString()));
    }
    assertThat(names).hasSize(8);
  }

  static Map<String, byte[]> files(Renderer.Result result) {
    Map<String, byte[]> m = new TreeMap<>();
    result.files().forEach(f -> m.put(f.fileName(), f.bytes()));
    return m;
  }

  static String pdfText(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder sb = new StringBuilder();
    PdfTextExtractor ex = new PdfTextExtractor(reader);
    for (int i = 1; i <= reader.getNumberOfPages(); i++) {
      sb.append(ex.getTextFromPage(i)).append('\n');
    }
    reader.close();
    return sb.toString().replaceAll("\\s+", " ");
  }

  static Renderer.Result plans;

  @BeforeAll
  static void renderPlans() {
    // four documents at a time (whatever the machine's cores); sameInputsGiveTheSameBytes renders
    // one at a time
    plans = renderer(Path.of("plans"), LocalDate.of(2024, 10, 29), null).threads(4).render();
    assertThat(plans.problems()).isEmpty();
  }

  @Test
  void memoCarriesTheStaffReport() throws IOException {
    String text = pdfText(files(plans).get("score-rec-2024-10-29-item-4.pdf"));
    assertThat(text)
        .contains(
            "Racial Equity Committee",
            "SUPPLEMENTAL MATERIAL",
            "2024-01837",
            "Citywide",
            "Discussion Item 4")
        .contains("Consideration of Racial Equity Resolution", "Allison Joe", "Jesse Villalobos")
        .contains("Draft Resolution", "Revised", "Withdrawn", "TBD")
        .contains("Issue Detail", "Policy Considerations", "Local Business Enterprise (LBE)")
        .contains(
            "File ID 2024-01837"); // the running footer is tagged as an artifact, so extraction
    // skips it
    assertThat(text.indexOf("Issue Detail")).isLessThan(text.indexOf("Financial Considerations"));
  }

  @Test
  void timelineCarriesEveryMilestone() throws IOException {
    String text = pdfText(files(plans).get("score-2024-timeline.pdf"));
    assertThat(text)
        .contains(
            "January 2024",
            "1/9/2024",
            "Confirm process to expand",
            "Host Community Listening Session(s)",
            "November 2024",
            "TBD",
            "Overdue",
            "No status reported",
            "25 past their date with no status reported");
    String html = new String(files(plans).get("score-2024-timeline.html"), StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("lang=\"en\"", "<svg", "role=\"img\"");
  }

  @Test
  void progressReportSaysWhatIsDoneLateAndNext() throws IOException {
    String text = pdfText(files(plans).get("score-2024-work-plan-progress.pdf"));
    assertThat(text)
        .contains(
            "PROGRESS REPORT",
            "As of October 29, 2024",
            "19%",
            "of milestones done",
            "Overdue",
            "Due in the next 90 days",
            "25 past their date with no status reported",
            "Deliverables",
            "Standing meetings");
  }

  @Test
  void sameInputsGiveTheSameBytesRenderedInParallelOrOneAtATime() {
    Renderer.Result again =
        renderer(Path.of("plans"), LocalDate.of(2024, 10, 29), null).threads(1).render();
    Map<String, byte[]> a = files(plans);
    Map<String, byte[]> b = files(again);
    assertThat(again.files())
        .extracting(Renderer.Rendered::fileName)
        .containsExactlyElementsOf(
            plans.files().stream().map(Renderer.Rendered::fileName).toList());
    a.forEach((k, v) -> assertThat(b.get(k)).as(k).isEqualTo(v));
  }

  @Test
  void indicatorsGetAChartWithItsNumbersAsText() throws IOException {
    Renderer.Result r = renderer(Path.of("docs/examples"), AS_OF, null).render();
    assertThat(r.problems()).isEmpty();
    String text = pdfText(files(r).get("riverton-indicators.pdf"));
    assertThat(text)
        .contains("Staff who completed racial equity training", "Improving", "Black", "Target");
  }

  // ---- the command, templates that go wrong, and out/ that must not change -------------------

  @TempDir Path dir;

  private Map<String, String> snapshot(Path out) throws IOException {
    Map<String, String> m = new TreeMap<>();
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.list(out)) {
        for (Path p : s.toList()) {
          if (p.getFileName().toString().equals(".reap")) {
            // reap's own files: the manifest is compared, the lock is not
            Path manifest = p.resolve("manifest.tsv");
            if (Files.exists(manifest)) {
              m.put(
                  ".reap/manifest.tsv",
                  java.util.HexFormat.of()
                      .formatHex(
                          java.security.MessageDigest.getInstance("SHA-256")
                              .digest(Files.readAllBytes(manifest))));
            }
          } else {
            m.put(
                p.getFileName().toString(),
                java.util.HexFormat.of()
                    .formatHex(
                        java.security.MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(p))));
          }
        }
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return m;
  }

  private Run renderWithTemplate(String name, String body) throws IOException {
    if (!Files.exists(dir.resolve("plans"))) {
      TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    }
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates").resolve(name), body);
    return Run.in(
        dir, "render", "--as-of", "2025-05-01", "--only", "riverton-eq-2025-05-13-item-2");
  }

  @Test
  void renderCommandWritesOneLinePerFileAndNothingOnFailure() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    Run ok = Run.in(dir, "render", "--as-of", "2025-05-01");
    assertThat(ok.exit()).as(ok.all()).isZero();
    assertThat(ok.out())
        .contains(
            "wrote out/riverton-eq-2025-05-13-item-2.pdf",
            "wrote out/riverton-eq-2025-05-13-item-2.html",
            "wrote out/riverton-reap-2025-progress.pdf");
    Map<String, String> before = snapshot(dir.resolve("out"));
    assertThat(before)
        .hasSize(18)
        .containsKeys("index.html", ".reap/manifest.tsv")
        .doesNotContainKeys("reap-manifest.tsv", ".reap.lock");
    // break a file: nothing is rendered, out/ stays as it was
    Path f = dir.resolve("plans/milestones.yaml");
    Files.writeString(f, Files.readString(f).replace("status: at-risk", "status: late-ish"));
    Run bad = Run.in(dir, "render", "--as-of", "2025-05-01");
    assertThat(bad.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(bad.err())
        .contains("plans/milestones.yaml:", "error[schema.bad-value]", "nothing was rendered");
    assertThat(snapshot(dir.resolve("out"))).isEqualTo(before);
  }

  @Test
  void missingValueInATemplateIsPositioned() throws IOException {
    Run r =
        renderWithTemplate(
            "memo.ftlx",
            "<#ftl output_format=\"XHTML\">\n<html><body>\n<p>${doc.no_such_field}</p></body></html>\n");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains("templates/memo.ftlx:3:6:", "no_such_field", "hint:")
        .doesNotContain("Exception", "\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void syntaxErrorInATemplateIsPositioned() throws IOException {
    Run r =
        renderWithTemplate(
            "memo.ftlx",
            "<#ftl output_format=\"XHTML\">\n<html><body>\n<#if doc.title></body></html>\n");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("templates/memo.ftlx:", "syntax error");
  }

  @Test
  void forbiddenBuiltInsAreRefused() throws IOException {
    for (String evil :
        List.of(
            "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
            "${doc?api}",
            "${\"1+1\"?eval}")) {
      Run r =
          renderWithTemplate(
              "memo.ftlx",
              "<#ftl output_format=\"XHTML\">\n<html><body>" + evil + "</body></html>\n");
      assertThat(r.exit()).as(evil).isEqualTo(ExitCodes.INVALID);
      assertThat(r.err())
          .as(evil)
          .contains("templates/memo.ftlx:2:", "is not allowed in reap templates");
    }
  }

  @Test
  void endlessTemplateOutputIsStopped() throws IOException {
    Run r =
        renderWithTemplate(
            "memo.ftlx",
            "<#ftl output_format=\"XHTML\">\n<html><body><#list 1..100000000 as i>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</#list></body></html>\n");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("wrote more than");
  }

  @Test
  void aRepositoryTemplateOverridesTheDefault() throws IOException {
    Run r =
        renderWithTemplate(
            "memo.ftlx",
            "<#ftl output_format=\"XHTML\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>${doc.title}</title><style>body { font-family: 'DejaVu Sans'; }</style></head><body><p>OUR OWN MEMO ${doc.file_id}</p></body></html>\n");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(pdfText(Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2.pdf"))))
        .contains("OUR OWN MEMO 2025-00042");
  }

  @Test
  void templatesListAndExport() throws IOException {
    Run list = Run.in(dir, "templates", "list");
    assertThat(list.out()).contains("memo.ftlx", "default");
    Run export = Run.in(dir, "templates", "export", "memo.ftlx");
    assertThat(export.exit()).isZero();
    assertThat(dir.resolve("templates/memo.ftlx")).exists();
    Files.writeString(
        dir.resolve("templates/memo.ftlx"),
        Files.readString(dir.resolve("templates/memo.ftlx")) + "\n<#-- changed -->\n");
    assertThat(Run.in(dir, "templates", "list").out()).containsPattern("memo.ftlx\\s+overridden");
    Run again = Run.in(dir, "templates", "export", "memo.ftlx");
    assertThat(again.exit()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(Run.in(dir, "templates", "export", "memo.ftl").err())
        .contains("did you mean \"memo.ftlx\"");
  }
}
