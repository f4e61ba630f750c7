package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reap.Pipeline;
import org.reap.render.html.HtmlWriter;
import org.reap.render.pdf.PdfEngine;
import org.reap.render.testing.PrintChecks;
import org.reap.render.testing.Samples;

/**
 * Nothing lost in print, no overlapping text (issue 16): for every document of plans/ and
 * docs/examples/, and for a generated stress set laid out with reap's own stylesheet (long words,
 * long URLs, many columns, wide numbers), every word of the HTML version is printed in the PDF, and
 * no two printed words of a page overlap.
 */
class PrintFidelityTest {

  record Doc(String name, String html, byte[] pdf) {}

  private static List<Doc> documents(Path repo, LocalDate asOf) throws Exception {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    Renderer r =
        new Renderer(
            c.repository(),
            new Renderer.Options(
                asOf,
                Renderer.pdfDate(asOf),
                EnumSet.allOf(Renderer.Format.class),
                null,
                Set.of()));
    HtmlWriter html = new HtmlWriter();
    List<Doc> docs = new ArrayList<>();
    for (Renderer.Job job : r.jobs()) {
      docs.add(
          new Doc(repo.getFileName() + "/" + job.name(), html.toHtml(r.xhtml(job)), r.pdf(job)));
    }
    return docs;
  }

  private static List<Doc> stress() throws Exception {
    PdfEngine engine = new PdfEngine(Path.of("").toAbsolutePath());
    HtmlWriter html = new HtmlWriter();
    List<Doc> docs = new ArrayList<>();
    for (var e :
        StressDocuments.all(
                Files.readString(Path.of("templates/lib/style.css"), StandardCharsets.UTF_8))
            .entrySet()) {
      docs.add(
          new Doc(
              "stress/" + e.getKey(),
              html.toHtml(e.getValue()),
              engine.render(e.getValue(), Samples.META)));
    }
    return docs;
  }

  private static List<Doc> all() throws Exception {
    List<Doc> docs = new ArrayList<>();
    docs.addAll(documents(Path.of("plans"), LocalDate.of(2024, 10, 29)));
    docs.addAll(documents(Path.of("docs/examples"), LocalDate.of(2025, 5, 1)));
    docs.addAll(stress());
    return docs;
  }

  @TestFactory
  Stream<DynamicTest> nothingLostInPrint() throws Exception {
    return all().stream()
        .map(
            d ->
                DynamicTest.dynamicTest(
                    d.name(),
                    () ->
                        assertThat(PrintChecks.missingWords(d.html(), d.pdf()))
                            .as(d.name() + ": words of the HTML not printed in the PDF")
                            .isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> noOverlappingText() throws Exception {
    return all().stream()
        .map(
            d ->
                DynamicTest.dynamicTest(
                    d.name(),
                    () ->
                        assertThat(PrintChecks.overlaps(d.pdf()))
                            .as(d.name() + ": overlapping words")
                            .isEmpty()));
  }

  /** The checks can fail: a table wider than the page loses its last column. */
  @Test
  void theCheckSeesATableCutOffAtThePageEdge() throws Exception {
    String xhtml =
        Samples.page(
            "<table style=\"width: 900pt\"><tr><td style=\"width: 600pt\">left</td><td>beyondtheedge</td></tr></table>"
                + "<div style=\"position: absolute; top: 300pt; left: 0\">overlapped</div><div style=\"position: absolute; top: 302pt; left: 6pt\">overlapping</div>");
    byte[] pdf = new PdfEngine(Path.of("").toAbsolutePath()).render(xhtml, Samples.META);
    assertThat(PrintChecks.missingWords(new HtmlWriter().toHtml(xhtml), pdf))
        .containsExactly("beyondtheedge (missing 1 of 1)");
    assertThat(PrintChecks.overlaps(pdf)).hasSize(1);
  }

  /** A word broken inside a narrow cell is still printed whole, in pieces. */
  @Test
  void aWordBrokenAcrossLinesCounts() throws IOException {
    assertThat(PrintChecks.words("Operationa-\nlize, 16.1 Tiếng"))
        .containsExactly("operationa", "lize", "16", "1", "tiếng");
  }
}
