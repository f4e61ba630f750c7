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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.reap.Pipeline;
import org.reap.cli.Run;
import org.reap.cli.TranslationsCommand;

/**
 * A memo published in Spanish (and Vietnamese and Chinese): Spanish labels, dates and content,
 * English where a field has no translation, the banner, the language tags, and the files.
 */
class TranslatedRenderTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 5, 1);
  static final String MEMO = "riverton-eq-2025-05-13-item-2";

  /** docs/examples, with the memo's title, recommendation and first section translated. */
  static Path repo(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("docs/examples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    Path memo = dir.resolve("agenda-item.yaml");
    String y = Files.readString(memo, StandardCharsets.UTF_8);
    y =
        y.replace(
            "title: Permit Fee Waiver for Small Home Repairs\n",
            """
        title:
          en: Permit Fee Waiver for Small Home Repairs
          es: Exención de tarifas de permisos para reparaciones menores del hogar
          vi: Miễn lệ phí giấy phép cho việc sửa chữa nhỏ trong nhà
          zh-Hans: 小型房屋维修许可费减免
        publish_in: [es, vi, zh-Hans]
        """);
    y =
        y.replace(
            "recommendation: Pass a **motion** forwarding the fee waiver to City Council.\n",
            """
        recommendation:
          en: Pass a **motion** forwarding the fee waiver to City Council.
          es: Aprobar una **moción** que remite la exención de tarifas al Concejo Municipal.
          vi: Thông qua một **kiến nghị** chuyển việc miễn lệ phí lên Hội đồng Thành phố.
          zh-Hans: 通过一项**动议**，将费用减免提交市议会。
        """);
    y =
        y.replace(
            "    text: Permit fees stop many low-income homeowners from making small repairs.\n",
            """
        text:
              en: Permit fees stop many low-income homeowners from making small repairs.
              es: Las tarifas de permisos impiden que muchos propietarios de bajos ingresos hagan reparaciones menores.
        """
                .replace("text:\n", "    text:\n"));
    Files.writeString(memo, y, StandardCharsets.UTF_8);
    return dir;
  }

  static Renderer renderer(Path repo, List<String> languages) {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    return new Renderer(
        c.repository(),
        new Renderer.Options(
            AS_OF,
            Renderer.pdfDate(AS_OF),
            EnumSet.allOf(Renderer.Format.class),
            null,
            Set.of(),
            null,
            languages));
  }

  static Renderer.Job job(Renderer r, String name) {
    return r.jobs().stream()
        .filter(j -> j.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no job " + name));
  }

  @Test
  void spanishMemoHasSpanishLabelsContentAndDatesAndFallsBackToEnglish(@TempDir Path dir)
      throws Exception {
    Renderer r = renderer(repo(dir), List.of("es"));
    String x = r.xhtml(job(r, MEMO + ".es"));
    assertThat(x)
        .contains("lang=\"es\"", "xml:lang=\"es\"")
        .contains("Recomendación", "Anexos", "Punto del orden del día")
        .contains("Exención de tarifas de permisos para reparaciones menores del hogar")
        .contains("<strong>moción</strong>")
        .contains("Las tarifas de permisos impiden")
        .contains("13 de mayo de 2025")
        .contains("Traducción: la versión en inglés es el documento oficial.")
        // no Spanish given: the English text stands in
        .contains("About $40,000 a year from the general fund.")
        .doesNotContain("Pass a <strong>motion</strong>")
        .doesNotContain("Permit fees stop many");
    String en = r.xhtml(job(r, MEMO));
    assertThat(en)
        .contains("lang=\"en\"", "Recommendation", "Pass a <strong>motion</strong>")
        .doesNotContain("class=\"translation-banner\"", "Recomendación");
    assertThat(en)
        .isEqualTo(
            Files.readString(RenderTest.GOLDEN.resolve(MEMO + ".xhtml"), StandardCharsets.UTF_8));
  }

  @Test
  void translatedFilesCarryTheirLanguageAndTheIndexLinksThem(@TempDir Path dir) throws Exception {
    Renderer r = renderer(repo(dir), List.of(Renderer.ALL));
    Renderer.Result result = r.render();
    assertThat(result.problems()).isEmpty();
    Map<String, byte[]> files = RenderTest.files(result);
    assertThat(files)
        .containsKeys(
            MEMO + ".pdf",
            MEMO + ".es.pdf",
            MEMO + ".es.html",
            MEMO + ".vi.pdf",
            MEMO + ".zh-hans.html");
    // only the memo publishes in other languages
    assertThat(files.keySet().stream().filter(n -> n.contains(".es.")).toList())
        .containsExactlyInAnyOrder(MEMO + ".es.pdf", MEMO + ".es.html");
    PdfReader reader = new PdfReader(files.get(MEMO + ".es.pdf"));
    assertThat(reader.getCatalog().getAsString(PdfName.LANG).toUnicodeString()).isEqualTo("es");
    reader.close();
    assertThat(RenderTest.pdfText(files.get(MEMO + ".es.pdf")))
        .contains("Recomendación", "Traducción: la versión en inglés es el documento oficial.");
    assertThat(new String(files.get(MEMO + ".es.html"), StandardCharsets.UTF_8))
        .contains("<html lang=\"es\"");
    String index = new String(r.index(r.jobs()), StandardCharsets.UTF_8);
    assertThat(index)
        .contains(
            "href=\"" + MEMO + ".es.pdf\"",
            "hreflang=\"es\"",
            "Español",
            "Tiếng Việt",
            "href=\"" + MEMO + ".vi.html\"");
  }

  @Test
  void vietnameseTextComesOutOfThePdfAsWritten(@TempDir Path dir) throws Exception {
    Renderer r = renderer(repo(dir), List.of("vi"));
    String text = RenderTest.pdfText(r.pdf(job(r, MEMO + ".vi")));
    assertThat(text)
        .contains(
            "Miễn lệ phí giấy phép cho việc sửa chữa nhỏ trong nhà",
            "Đề xuất",
            "Bản dịch — bản tiếng Anh là văn bản chính thức.");
  }

  @Test
  void chineseTextComesOutOfThePdfAsWrittenInTheCjkFont(@TempDir Path dir) throws Exception {
    Renderer r = renderer(repo(dir), List.of("zh-Hans"));
    Renderer.Job job = job(r, MEMO + ".zh-hans");
    assertThat(r.xhtml(job)).contains("lang=\"zh-Hans\"", "2025年5月13日");
    byte[] pdf = r.pdf(job);
    if (System.getProperty("reap.i18n.dump") != null) {
      Files.write(Path.of(System.getProperty("reap.i18n.dump")), pdf);
    }
    String text = RenderTest.pdfText(pdf);
    // the extractor reads a line font run by font, so a date mixing digits and 年月日 is not checked
    // whole
    assertThat(text)
        .contains(
            "小型房屋维修许可费减免", "建议", "译文 — 以英文版本为正式记录。", "Permit fees stop many low-income homeowners");
    assertThat(text.replace(" ", "")).contains("通过一项动议，将费用减免提交市议会。");
    // DejaVu Sans has no Han characters: the text above can only come from the CJK font
  }

  @Test
  void commandLineWritesOneFilePerLanguageAndTheReportListsGaps(@TempDir Path dir)
      throws Exception {
    Path plans = Files.createDirectory(dir.resolve("plans"));
    repo(plans);
    Run run = Run.in(dir, "render", "--lang", "es,zh-Hans", "--format", "html", "--only", MEMO);
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(dir.resolve("out/" + MEMO + ".es.html")).exists();
    assertThat(dir.resolve("out/" + MEMO + ".zh-hans.html")).exists();
    assertThat(dir.resolve("out/" + MEMO + ".html")).exists();
    Run bad = Run.in(dir, "render", "--lang", "Spanish");
    assertThat(bad.exit()).isEqualTo(2);
    Run report = Run.in(dir, "translations", "report");
    assertThat(report.exit()).as(report.all()).isZero();
    assertThat(report.out())
        .contains("## Spanish (es): ")
        .contains("- [ ] plans/agenda-item.yaml:")
        .contains("sections[2].text: About $40,000 a year from the general fund.")
        .doesNotContain("recommendation")
        .doesNotContain(" title: Permit Fee Waiver");
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(plans));
    assertThat(TranslationsCommand.report(c.repository()))
        .contains("## Chinese (Simplified) (zh-Hans)");
    Run validate = Run.in(dir, "validate");
    assertThat(validate.out())
        .contains("warning[translation.missing]")
        .contains("has no translation into Spanish (es)");
  }
}
