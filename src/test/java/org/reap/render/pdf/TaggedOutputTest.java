package org.reap.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PRTokeniser;
import org.openpdf.text.pdf.PdfContentParser;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.reap.render.testing.PdfInspect;
import org.reap.render.testing.Samples;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;

/**
 * The document-level parts of tagging, and the guard against double tagging: reap tags through its
 * own output device because Flying Saucer 10.3 tags nothing; from 10.5 on Flying Saucer tags by
 * itself whenever the writer is tagged, and the two together would tag every text twice.
 */
class TaggedOutputTest {
  private static final String SIMPLE =
      """
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>t</title></head>
            <body><h1>Title</h1><p>Text with <a href="https://example.org">a link</a>.</p>
            <ul><li>item</li></ul><table><tr><th>h</th><td>d</td></tr></table></body></html>""";

  @Test
  void flyingSaucerIsPinnedTo10_3() throws Exception {
    Properties p = new Properties();
    try (InputStream in =
        ITextRenderer.class.getResourceAsStream(
            "/META-INF/maven/org.xhtmlrenderer/flying-saucer-pdf/pom.properties")) {
      assertThat(in).as("flying-saucer-pdf's pom.properties").isNotNull();
      p.load(in);
    }
    assertThat(p.getProperty("version"))
        .as(
            "Flying Saucer from 10.5 tags PDFs itself when the writer is tagged; reap's TaggingOutputDevice"
                + " would then tag everything twice. Check TaggedOutputTest.flyingSaucerWritesNoTagsOfItsOwn"
                + " and docs/accessibility.md before upgrading.")
        .startsWith("10.3.");
  }

  @Test
  void flyingSaucerWritesNoTagsOfItsOwn() throws Exception {
    ITextRenderer renderer = new ITextRenderer();
    renderer.setListener(
        new PDFCreationListener() {
          @Override
          public void preOpen(ITextRenderer r) {
            r.getWriter().setTagged();
          }

          @Override
          public void preWrite(ITextRenderer r, int pageCount) {}

          @Override
          public void onClose(ITextRenderer r) {}
        });
    renderer.setDocumentFromString(SIMPLE);
    renderer.layout();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.createPDF(out);
    byte[] pdf = out.toByteArray();
    assertThat(TaggedPdf.operators(pdf))
        .as("Flying Saucer now writes marked content itself: reap's tagging would double it")
        .doesNotContainKeys("BDC", "BMC");
    TaggedPdf.Elem root = TaggedPdf.structure(pdf);
    assertThat(root == null || root.kids().isEmpty())
        .as("Flying Saucer now writes structure elements itself: " + root)
        .isTrue();
  }

  @Test
  void reapTagsOnceWithoutNesting() throws Exception {
    byte[] pdf = new PdfEngine(Path.of(".")).render(SIMPLE, Samples.META);
    PdfReader r = TaggedPdf.reader(pdf);
    try {
      for (int page = 1; page <= r.getNumberOfPages(); page++) {
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(r.getPageContent(page)));
        List<PdfObject> ops = new ArrayList<>();
        int depth = 0;
        int max = 0;
        boolean inText = false;
        while (!(ops = parser.parse(ops)).isEmpty()) {
          switch (ops.get(ops.size() - 1).toString()) {
            case "BDC", "BMC" -> {
              assertThat(inText).as("marked content begins inside BT/ET").isFalse();
              max = Math.max(max, ++depth);
            }
            case "EMC" -> depth--;
            case "BT" -> inText = true;
            case "ET" -> inText = false;
            case "Tj", "TJ", "re", "f", "S", "Do" ->
                assertThat(depth).as("content outside marked content").isEqualTo(1);
            default -> {}
          }
        }
        assertThat(depth).isZero();
        assertThat(max).isEqualTo(1);
      }
    } finally {
      r.close();
    }
    assertThat(TaggedPdf.structure(pdf).kids())
        .extracting(TaggedPdf.Elem::type)
        .containsExactly("H1", "P", "L", "Table");
  }

  @Test
  void documentLevelEntries() throws Exception {
    byte[] pdf = new PdfEngine(Path.of(".")).render(Samples.memo(2), Samples.META);
    assertThat(PdfInspect.raw(pdf)).startsWith("%PDF-1.7");
    PdfDictionary catalog = PdfInspect.catalog(pdf);
    PdfDictionary markInfo = (PdfDictionary) PdfReader.getPdfObject(catalog.get(PdfName.MARKINFO));
    assertThat(markInfo.get(PdfName.MARKED).toString()).isEqualTo("true");
    assertThat(catalog.get(PdfName.LANG).toString()).isEqualTo("en");
    PdfDictionary prefs =
        (PdfDictionary) PdfReader.getPdfObject(catalog.get(PdfName.VIEWERPREFERENCES));
    assertThat(prefs.get(PdfName.DISPLAYDOCTITLE).toString()).isEqualTo("true");
    String xmp = PdfInspect.xmp(pdf);
    assertThat(xmp)
        .contains(
            "<pdfuaid:part>1</pdfuaid:part>",
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>",
            "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
            "Racial Equity Action Plan 2024");
    // no CIDSet: PDF/UA (7.21.4.2-2) and PDF/A-2 want it complete or absent; OpenPDF's is
    // incomplete
    assertThat(PdfInspect.raw(pdf)).doesNotContain("/CIDSet");
    PdfReader r = TaggedPdf.reader(pdf);
    try {
      for (int p = 1; p <= r.getNumberOfPages(); p++) {
        assertThat(r.getPageN(p).getAsName(PdfName.TABS)).isEqualTo(PdfName.S);
        assertThat(r.getPageN(p).getAsNumber(PdfName.STRUCTPARENTS)).isNotNull();
      }
    } finally {
      r.close();
    }
  }
}
