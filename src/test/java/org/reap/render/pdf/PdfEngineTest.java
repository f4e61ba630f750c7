package org.reap.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.reap.render.RenderException;
import org.reap.render.testing.PdfInspect;
import org.reap.render.testing.Samples;

class PdfEngineTest {
  @TempDir Path root;

  private byte[] render(String xhtml) throws RenderException {
    return new PdfEngine(root).render(xhtml, Samples.META);
  }

  @Test
  void rendersTheWordsOfTheDocument() throws Exception {
    byte[] pdf = render(Samples.memo(3));
    String text = PdfInspect.text(pdf);
    assertThat(text)
        .contains(
            "Racial Equity Action Plan 2024",
            "Increase contracting with minority-owned firms",
            "Finance",
            "On track ✓",
            "Tiếng Việt",
            "plan.yaml",
            "Paragraph 3.");
  }

  @Test
  void writesPdf17WithMetadata() throws Exception {
    byte[] pdf = render(Samples.memo(0));
    assertThat(PdfInspect.raw(pdf)).startsWith("%PDF-1.7");
    assertThat(PdfInspect.infoString(pdf, "Title")).isEqualTo("Racial Equity Action Plan 2024");
    assertThat(PdfInspect.infoString(pdf, "Author")).isEqualTo("Office of Equity");
    assertThat(PdfInspect.infoString(pdf, "Subject")).isEqualTo("Committee memo");
    assertThat(PdfInspect.infoString(pdf, "Keywords")).isEqualTo("equity, plan");
    assertThat(PdfInspect.infoString(pdf, "Creator")).isEqualTo("reap 0.1.0");
    assertThat(PdfInspect.infoString(pdf, "Producer")).isEqualTo(PdfEngine.PRODUCER);
    assertThat(PdfInspect.infoString(pdf, "CreationDate")).isEqualTo("D:20241029170000Z");
    assertThat(PdfInspect.infoString(pdf, "ModDate")).isEqualTo("D:20241029170000Z");

    PdfDictionary catalog = PdfInspect.catalog(pdf);
    assertThat(catalog.getAsString(PdfName.LANG).toUnicodeString()).isEqualTo("en");
    PdfDictionary prefs = catalog.getAsDict(PdfName.VIEWERPREFERENCES);
    assertThat(prefs.get(PdfName.DISPLAYDOCTITLE).toString()).isEqualTo("true");
    PdfDictionary intent =
        (PdfDictionary)
            PdfReader.getPdfObject(catalog.getAsArray(PdfName.OUTPUTINTENTS).getPdfObject(0));
    assertThat(intent.getAsName(PdfName.S)).isEqualTo(PdfName.GTS_PDFA1);
    assertThat(intent.get(PdfName.DESTOUTPUTPROFILE)).isNotNull();

    String xmp = PdfInspect.xmp(pdf);
    assertThat(xmp)
        .contains(
            "Racial Equity Action Plan 2024",
            "2024-10-29T17:00:00Z",
            "<pdfaid:part>2</pdfaid:part>");
  }

  @Test
  void metaOverridesTheHtmlTitle() throws Exception {
    String xhtml =
        Samples.page("<p>x</p>")
            .replace(
                "<title>Test</title>",
                "<title>Old</title><meta name=\"author\" content=\"Someone else\"/>");
    PdfMeta meta = new PdfMeta("New title", "es", null, null, null, null, Instant.EPOCH);
    byte[] pdf = new PdfEngine(root).render(xhtml, meta);
    assertThat(PdfInspect.infoString(pdf, "Title")).isEqualTo("New title");
    assertThat(PdfInspect.infoString(pdf, "Author")).isNull();
    assertThat(PdfInspect.infoString(pdf, "Creator")).isEqualTo(PdfEngine.PRODUCER);
    assertThat(PdfInspect.catalog(pdf).getAsString(PdfName.LANG).toUnicodeString()).isEqualTo("es");
  }

  @Test
  void sameInputGivesTheSameBytes() throws Exception {
    String xhtml = Samples.memo(4);
    byte[] first = render(xhtml);
    byte[] second = render(xhtml);
    assertThat(second).isEqualTo(first);
    String raw = PdfInspect.raw(first);
    assertThat(raw).contains("/ID [<");
  }

  @Test
  void differentInputGivesADifferentId() throws Exception {
    String a = PdfInspect.raw(render(Samples.page("<p>one</p>")));
    String b = PdfInspect.raw(render(Samples.page("<p>two</p>")));
    assertThat(id(a)).isNotEqualTo(id(b));
  }

  private static String id(String raw) {
    int i = raw.lastIndexOf("/ID [<");
    return raw.substring(i, raw.indexOf(']', i));
  }

  @Test
  void concurrentRendersAreSerializedAndStayDeterministic() throws Exception {
    String xhtml = Samples.memo(2);
    byte[] expected = render(xhtml);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Callable<byte[]> task = () -> render(xhtml);
      Callable<byte[]> other = () -> render(Samples.page("<p>other document</p>"));
      List<Future<byte[]>> results = pool.invokeAll(List.of(task, other, task, other, task));
      assertThat(results.get(0).get()).isEqualTo(expected);
      assertThat(results.get(2).get()).isEqualTo(expected);
      assertThat(results.get(4).get()).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyFontIsEmbeddedDejaVu() throws Exception {
    String body =
        """
                <p>Regular <b>bold</b> <i>italic</i> <b><i>bold italic</i></b> <code>mono</code></p>
                <p style="font-family: 'Comic Sans MS'">unknown family</p>
                <p style="font-family: serif">serif</p><p style="font-family: monospace">monospace</p>
                <p style="font-family: Helvetica, Arial">helvetica</p>
                <div class="reap-chart" role="img" aria-label="A chart" data-chart="%s"></div>
                """
            .formatted(Samples.attr(Samples.BAR_CHART));
    // a margin box with no font-family of its own, the classic source of non-embedded Times
    String xhtml =
        Samples.page(body)
            .replace(
                "@page { size: letter; margin: 1in;",
                "@page { size: letter; margin: 1in; @top-center { content: \"Header text\"; }");
    byte[] pdf = render(xhtml);
    List<String> fonts = PdfInspect.fonts(pdf);
    assertThat(fonts)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f).contains("embedded=true");
              assertThat(f).containsPattern("/[A-Z]{6}\\+DejaVuSans");
            });
    assertThat(String.join("\n", fonts))
        .contains(
            "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique", "DejaVuSansMono");
    // the margin box is a pagination artifact, which OpenPDF's text extraction skips
    assertThat(TaggedPdf.textWithArtifacts(pdf))
        .contains("Header text", "unknown family", "Listening sessions held");
  }

  @Test
  void marginBoxesShowPageXOfY() throws Exception {
    StringBuilder body = new StringBuilder("<p>first</p>");
    body.append("<p style=\"page-break-before: always\">second</p>");
    byte[] pdf = render(Samples.page(body.toString()));
    assertThat(PdfInspect.pages(pdf)).isEqualTo(2);
    String[] pages = TaggedPdf.textWithArtifacts(pdf).split("\f"); // page numbers are artifacts
    assertThat(pages[0]).contains("Page 1 of 2");
    assertThat(pages[1]).contains("Page 2 of 2");
  }

  @Test
  void rejectsABlankTitleAndABadLanguage() {
    PdfEngine engine = new PdfEngine(root);
    assertThatThrownBy(
            () ->
                engine.render(
                    Samples.page("<p>x</p>"),
                    new PdfMeta(" ", "en", null, null, null, null, Instant.EPOCH)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("no title");
    assertThatThrownBy(
            () ->
                engine.render(
                    Samples.page("<p>x</p>"),
                    new PdfMeta("T", "English", null, null, null, null, Instant.EPOCH)))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("BCP 47");
  }

  @Test
  void missingRootIsReported() {
    PdfEngine engine = new PdfEngine(root.resolve("nope"));
    assertThatThrownBy(() -> engine.render(Samples.page("<p>x</p>"), Samples.META))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("does not exist");
  }
}
