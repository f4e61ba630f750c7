package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reap.render.pdf.PdfEngine;
import org.reap.render.testing.Samples;
import org.reap.render.testing.StructureChecks;

/**
 * Issue 19's structure checks over every PDF of plans/ and docs/examples/: each bookmark lands on
 * the page where its heading is painted, and in a table with row headers every body row has one.
 */
class NavigationStructureTest {

  private static Stream<Map.Entry<String, byte[]>> all() {
    return Stream.of(RenderedPdfs.PLANS, RenderedPdfs.EXAMPLES)
        .flatMap(
            repo ->
                RenderedPdfs.of(repo).entrySet().stream()
                    .map(e -> Map.entry(repo.getFileName() + "/" + e.getKey(), e.getValue())));
  }

  @TestFactory
  Stream<DynamicTest> everyBookmarkLandsOnItsHeading() {
    return all()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () ->
                        assertThat(StructureChecks.bookmarksOffTheirHeadings(e.getValue()))
                            .as(e.getKey())
                            .isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> everyBodyRowHasARowHeader() {
    return all()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () ->
                        assertThat(StructureChecks.rowsWithoutRowHeader(e.getValue()))
                            .as(e.getKey())
                            .isEmpty()));
  }

  /** The checks can fail: a heading pushed to the next page, a row without its header. */
  @Test
  void theChecksSeeWhatTheyLookFor() throws Exception {
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < 38; i++) {
      filler.append("<p>Line ").append(i).append("</p>");
    }
    String xhtml =
        Samples.page(
            filler
                + "<h2 style=\"margin-top: 40pt\">Pushed heading</h2><p>After it.</p>"
                + "<table><tbody><tr><th scope=\"row\">Head</th><td>a</td></tr><tr><td>no header</td><td>b</td></tr></tbody></table>");
    byte[] pdf = new PdfEngine(Path.of("").toAbsolutePath()).render(xhtml, Samples.META);
    List<String> rows = StructureChecks.rowsWithoutRowHeader(pdf);
    assertThat(rows).hasSize(1).first().asString().contains("body row 2 of 2");
  }
}
