package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.reap.Pipeline;

/**
 * No chart label is cut short (issue 16 item 4): a label too long for the label column wraps, so a
 * PDF never prints more "…" than its HTML text has (a cut label ends with one).
 */
class ChartLabelsTest {
  @Test
  void noSampleDocumentPrintsACutLabel() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Object[] set :
        new Object[][] {
          {"plans", LocalDate.of(2024, 10, 29)}, {"docs/examples", LocalDate.of(2025, 5, 1)}
        }) {
      Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(Path.of((String) set[0])));
      assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
      LocalDate asOf = (LocalDate) set[1];
      Renderer r =
          new Renderer(
              c.repository(),
              new Renderer.Options(
                  asOf,
                  Renderer.pdfDate(asOf),
                  EnumSet.allOf(Renderer.Format.class),
                  null,
                  Set.of()));
      for (Renderer.Job job : r.jobs()) {
        String xhtml = r.xhtml(job);
        if (!xhtml.contains("data-chart")) {
          continue;
        }
        String text;
        try (PDDocument pdf = Loader.loadPDF(r.pdf(job))) {
          text = new PDFTextStripper().getText(pdf);
        }
        long printed = text.chars().filter(ch -> ch == '\u2026').count();
        long written =
            xhtml
                .replaceAll("data-chart=\"[^\"]*\"", "")
                .chars()
                .filter(ch -> ch == '\u2026')
                .count();
        if (printed > written) {
          problems.add(
              set[0] + "/" + job.name() + ": " + (printed - written) + " label(s) cut with …");
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
