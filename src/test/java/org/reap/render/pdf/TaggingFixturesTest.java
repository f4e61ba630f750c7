package org.reap.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.reap.render.pdf.PdfConformance.Profile;
import org.reap.render.pdf.TaggedPdf.Elem;
import org.reap.render.testing.PdfInspect;
import org.reap.render.testing.Samples;

/**
 * One small document per structure type: each must pass veraPDF (PDF/UA-1 and PDF/A-2a) and carry
 * the structure a screen reader needs, read back from the file.
 */
class TaggingFixturesTest {
  private static final List<Profile> PROFILES = List.of(Profile.PDF_UA_1, Profile.PDF_A_2A);

  static byte[] render(String body) throws Exception {
    return new PdfEngine(Path.of("."))
        .render(Samples.page(body).replace("</style>", CSS + "</style>"), Samples.META);
  }

  /** Added to every fixture's stylesheet: the usual "screen readers only" recipe. */
  private static final String CSS =
      ".sr-only { position: absolute; left: -9999pt; width: 1pt; height: 1pt; overflow: hidden; }\n";

  /** Renders, checks both profiles, reads the structure tree back. */
  static Elem tagged(String body) throws Exception {
    byte[] pdf = render(body);
    assertConforms(pdf);
    Elem doc = TaggedPdf.structure(pdf);
    assertThat(doc).isNotNull();
    assertThat(doc.type()).isEqualTo("Document");
    return doc;
  }

  static void assertConforms(byte[] pdf) throws Exception {
    PdfConformance.Report report = PdfConformance.check(pdf, PROFILES);
    assertThat(report.passed())
        .as(
            () ->
                "veraPDF: "
                    + report.summary()
                    + "\n"
                    + report.all().stream()
                        .map(
                            f ->
                                f.profile().label()
                                    + " "
                                    + f.ruleId()
                                    + " x"
                                    + f.count()
                                    + ": "
                                    + f.description())
                        .collect(Collectors.joining("\n")))
        .isTrue();
  }

  private static String rows(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(
            i ->
                "<tr><th scope=\"row\">Row "
                    + i
                    + "</th><td>value "
                    + i
                    + "</td><td>note "
                    + i
                    + "</td></tr>")
        .collect(Collectors.joining());
  }

  @Test
  void headingsParagraphsAndDocumentLanguage() throws Exception {
    Elem doc =
        tagged(
            "<h1>Title</h1><p>First paragraph.</p><h2>Part</h2><p>Second <em>with</em> words.</p>");
    assertThat(doc.attributes()).containsEntry("Lang", "en");
    assertThat(doc.kids()).extracting(Elem::type).containsExactly("H1", "P", "H2", "P");
    assertThat(doc.kids().get(3).text()).isEqualTo("Second with words.");
  }

  @Test
  void nestedListsHaveLabelsAndBodies() throws Exception {
    Elem doc =
        tagged(
            """
                <ul><li>One</li><li>Two<ol><li>Two a</li><li>Two b</li></ol></li><li>Three</li></ul>
                <ol style="list-style-type: lower-roman"><li>roman</li></ol>""");
    List<Elem> lists = doc.all("L");
    assertThat(lists).hasSize(3);
    Elem outer = lists.get(0);
    assertThat(outer.attributes()).containsEntry("ListNumbering", "Disc");
    assertThat(outer.kids()).extracting(Elem::type).containsExactly("LI", "LI", "LI");
    // bullets are drawings without text: artifacts; the list's /ListNumbering says "Disc"
    outer
        .kids()
        .forEach(li -> assertThat(li.kids()).extracting(Elem::type).containsExactly("LBody"));
    Elem inner =
        outer.kids().get(1).kids().get(0).kids().stream()
            .filter(k -> k.type().equals("L"))
            .findFirst()
            .orElseThrow();
    assertThat(inner.attributes()).containsEntry("ListNumbering", "Decimal");
    assertThat(inner.kids().get(0).kids()).extracting(Elem::type).containsExactly("Lbl", "LBody");
    assertThat(inner.kids().get(0).kids().get(0).text()).isEqualTo("1.");
    assertThat(inner.kids().get(1).kids().get(1).text()).isEqualTo("Two b");
    assertThat(lists.get(2).attributes()).containsEntry("ListNumbering", "LowerRoman");
    assertThat(outer.text()).isEqualTo("OneTwo1. Two a2. Two bThree");
  }

  @Test
  void tableHeadersCarryScopeAndSpans() throws Exception {
    Elem doc =
        tagged(
            """
                <table><caption>Spans</caption>
                <thead><tr><th scope="col">Area</th><th scope="col" colspan="2">Result</th></tr></thead>
                <tbody>
                <tr><th scope="row" rowspan="2">North</th><td>a</td><td>b</td></tr>
                <tr><td colspan="2">c</td></tr>
                <tr><th>South</th><td></td><td>d</td></tr>
                </tbody></table>""");
    Elem table = doc.all("Table").get(0);
    assertThat(table.kids()).extracting(Elem::type).containsExactly("Caption", "THead", "TBody");
    List<Elem> th = table.all("TH");
    assertThat(th.get(0).attributes()).containsEntry("Scope", "Column");
    assertThat(th.get(1).attributes())
        .containsEntry("Scope", "Column")
        .containsEntry("ColSpan", "2");
    assertThat(th.get(2).attributes()).containsEntry("Scope", "Row").containsEntry("RowSpan", "2");
    assertThat(th.get(3).attributes())
        .containsEntry("Scope", "Row"); // no scope: a row header by HTML's rules
    List<Elem> bodyRows = table.kids().get(2).kids();
    assertThat(bodyRows.get(1).kids()).hasSize(1);
    assertThat(bodyRows.get(1).kids().get(0).attributes()).containsEntry("ColSpan", "2");
    assertThat(bodyRows.get(2).kids())
        .extracting(Elem::type)
        .containsExactly("TH", "TD", "TD"); // the empty cell stays
  }

  @Test
  void repeatedHeaderRowsAreTaggedOnce() throws Exception {
    byte[] pdf =
        render(
            "<table style=\"-fs-table-paginate: paginate\"><thead><tr><th scope=\"col\">Name</th>"
                + "<th scope=\"col\">Value</th><th scope=\"col\">Note</th></tr></thead><tbody>"
                + rows(120)
                + "</tbody></table>");
    assertThat(PdfInspect.pages(pdf)).isGreaterThan(2);
    assertConforms(pdf);
    Elem table = TaggedPdf.structure(pdf).all("Table").get(0);
    assertThat(table.kids().get(0).type()).isEqualTo("THead");
    assertThat(table.kids().get(0).kids()).hasSize(1);
    assertThat(table.kids().get(0).text()).isEqualTo("NameValueNote");
    assertThat(table.kids().get(1).kids()).hasSize(120);
    assertThat(table.all("TH").stream().filter(t -> t.text().equals("Name"))).hasSize(1);
    assertThat(table.kids().get(1).kids().get(119).text()).isEqualTo("Row 120value 120note 120");
    // and the header is on every page for the eye
    assertThat(TaggedPdf.textWithArtifacts(pdf).split("\f")[2]).contains("Name");
  }

  @Test
  void aParagraphAcrossPagesIsOneParagraphInOrder() throws Exception {
    StringBuilder words = new StringBuilder();
    for (int i = 1; i <= 900; i++) {
      words.append("word").append(i).append(' ');
    }
    byte[] pdf = render("<p style=\"font-size: 14pt; line-height: 2\">" + words + "</p>");
    assertThat(PdfInspect.pages(pdf)).isGreaterThan(1);
    assertConforms(pdf);
    Elem doc = TaggedPdf.structure(pdf);
    assertThat(doc.kids()).hasSize(1);
    Elem p = doc.kids().get(0);
    assertThat(p.type()).isEqualTo("P");
    assertThat(p.text()).isEqualTo(words.toString().strip()); // every word once, in order
  }

  @Test
  void linksAreTaggedWithTheirAnnotationAndDescription() throws Exception {
    byte[] pdf =
        render(
            """
                <p>See <a href="https://example.org/plan">the plan</a>, write to
                <a href="mailto:clerk@example.org">clerk@example.org</a> or jump to <a href="#later">the end</a>.</p>
                <p style="page-break-before: always" id="later">The end.</p>""");
    assertConforms(pdf);
    Elem doc = TaggedPdf.structure(pdf);
    List<Elem> links = doc.all("Link");
    assertThat(links)
        .extracting(Elem::text)
        .containsExactly("the plan", "clerk@example.org", "the end");
    assertThat(links).allSatisfy(l -> assertThat(l.objectRefs()).isGreaterThanOrEqualTo(1));
    PdfReader r = TaggedPdf.reader(pdf);
    try {
      PdfDictionary page = r.getPageN(1);
      assertThat(page.getAsName(PdfName.TABS)).isEqualTo(PdfName.S);
      PdfArray annots = page.getAsArray(PdfName.ANNOTS);
      assertThat(annots.size()).isEqualTo(3);
      for (int i = 0; i < annots.size(); i++) {
        PdfDictionary a = (PdfDictionary) PdfReader.getPdfObject(annots.getPdfObject(i));
        assertThat(a.getAsNumber(PdfName.STRUCTPARENT)).isNotNull();
        assertThat(((PdfString) a.get(PdfName.CONTENTS)).toUnicodeString()).isNotBlank();
      }
      PdfDictionary internal = (PdfDictionary) PdfReader.getPdfObject(annots.getPdfObject(2));
      PdfDictionary action = (PdfDictionary) PdfReader.getPdfObject(internal.get(PdfName.A));
      assertThat(action.getAsName(PdfName.S)).isEqualTo(PdfName.GOTO);
    } finally {
      r.close();
    }
  }

  @Test
  void chartsAndImagesAreFiguresWithTheirTextAlternative() throws Exception {
    Elem doc =
        tagged(
            """
                <p>Before the chart.</p>
                <div class="reap-chart" role="img" aria-label="Sessions per quarter: 3, 5, 4, 6" data-chart="%s"></div>
                <p>After the chart.</p>"""
                .formatted(Samples.attr(Samples.BAR_CHART)));
    assertThat(doc.kids()).extracting(Elem::type).containsExactly("P", "Figure", "P");
    Elem figure = doc.kids().get(1);
    assertThat(figure.attributes())
        .containsEntry("Alt", "Sessions per quarter: 3, 5, 4, 6")
        .containsKey("BBox");
    assertThat(figure.content()).hasSize(1);
  }

  @Test
  void languageChangesAreMarked() throws Exception {
    Elem doc =
        tagged(
            """
                <p>English, then <span lang="es">en español</span> and <em xml:lang="fr">en français</em>.</p>
                <p lang="vi">Kế hoạch hành động</p>""");
    Elem first = doc.kids().get(0);
    assertThat(first.all("Span"))
        .extracting(e -> e.attributes().get("Lang"), Elem::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("es", "en español"),
            org.assertj.core.groups.Tuple.tuple("fr", "en français"));
    assertThat(first.text()).isEqualTo("English, then en español and en français.");
    assertThat(doc.kids().get(1).attributes()).containsEntry("Lang", "vi");
    assertThat(doc.kids().get(1).text()).isEqualTo("Kế hoạch hành động");
  }

  @Test
  void decorationIsAnArtifactAndScreenReaderTextIsSpoken() throws Exception {
    Elem doc =
        tagged(
            """
                <table><thead><tr><th scope="col">Milestone</th><th scope="col">Partnership</th></tr></thead><tbody>
                <tr><td>Listening session</td><td><span aria-hidden="true">☑</span><span class="sr-only">Yes</span></td></tr>
                <tr><td>Retreat</td><td><span aria-hidden="true">☐</span><span class="sr-only">No</span></td></tr>
                </tbody></table>
                <p><span aria-hidden="true">★ </span>Starred</p>""");
    List<Elem> spans = doc.all("Span");
    assertThat(spans)
        .extracting(e -> e.attributes().get("ActualText"))
        .containsExactly("Yes", "No");
    assertThat(doc.all("P").get(0).text()).isEqualTo("Starred");
  }

  @Test
  void screenReaderTextWithNoBoxIsSpokenToo() throws Exception {
    // reap's own print style: .sr-only has display: none (no layer for Flying Saucer to visit
    // on every page); the text still becomes the icon's /ActualText
    Elem doc =
        tagged(
            """
                <table><thead><tr><th scope="col">Milestone</th><th scope="col">Partnership</th></tr></thead><tbody>
                <tr><td>Listening session</td><td><span aria-hidden="true">☑</span><span style="display: none">Yes</span></td></tr>
                <tr><td>Retreat</td><td><span aria-hidden="true">☐</span><span style="display: none">No</span></td></tr>
                </tbody></table>
                <p>Hidden <span style="display: none">and not after an icon</span>text</p>""");
    assertThat(doc.all("Span"))
        .extracting(e -> e.attributes().get("ActualText"))
        .containsExactly("Yes", "No");
    assertThat(doc.all("P").get(0).text()).isEqualTo("Hidden text");
  }

  @Test
  void layoutTablesAndSkippedHeadingLevels() throws Exception {
    Elem doc =
        tagged(
            """
                <table role="presentation"><tr><td><div>Left</div><div>column</div></td><td>Right</td></tr></table>
                <h2>Starts at two</h2><h4>Skips to four</h4><h2>Back to two</h2><h3>Three</h3>""");
    assertThat(doc.all("Table")).isEmpty();
    assertThat(doc.all("TD")).isEmpty();
    assertThat(doc.kids())
        .extracting(Elem::type)
        .containsExactly("Div", "P", "H1", "H2", "H1", "H2");
    assertThat(doc.kids().get(0).text()).isEqualTo("Leftcolumn");
  }

  @Test
  void imagesAndOddMarkupStillConform(@org.junit.jupiter.api.io.TempDir Path root)
      throws Exception {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    img.setRGB(5, 5, 0x0072B2);
    javax.imageio.ImageIO.write(img, "png", root.resolve("logo.png").toFile());
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= 70; i++) {
      items
          .append("<li>Item ")
          .append(i)
          .append(" of a long list that runs onto the next page</li>");
    }
    String body =
        """
                Loose text in the body.<br/>After a break.
                <h1>Odd markup</h1>
                <p><img src="logo.png" alt="City seal"/> Seal, then <img src="logo.png" alt=""/> a decoration.</p>
                <p><a href="https://example.org"><img src="logo.png" alt="Example home page"/></a></p>
                <div style="float: right; width: 120pt">A floated note.</div>
                <p style="position: relative; left: 10pt">Shifted <span style="display: inline-block; border: 1pt solid #000">inline block</span>.</p>
                <hr/>
                <dl><dt>Term</dt><dd>Definition <em>with emphasis</em>.</dd></dl>
                <pre>preformatted
                  text</pre>
                <blockquote><p>A quotation.</p></blockquote>
                <table><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead>
                <tr><td>no tbody</td><td><table><tr><th scope="row">inner</th><td>table</td></tr></table></td></tr></table>
                <ol>%s</ol>
                """
            .formatted(items);
    String xhtml =
        Samples.page(body)
            .replace("</style>", CSS + " hr { border: 0; border-top: 1pt solid #888; }</style>");
    byte[] pdf = new PdfEngine(root).render(xhtml, Samples.META);
    assertThat(PdfInspect.pages(pdf)).isGreaterThan(1);
    assertConforms(pdf);
    Elem doc = TaggedPdf.structure(pdf);
    assertThat(doc.all("Figure"))
        .extracting(e -> e.attributes().get("Alt"))
        .containsExactly("City seal", "Example home page");
    assertThat(doc.all("Link").get(0).all("Figure")).hasSize(1);
    Elem list = doc.all("L").get(0);
    assertThat(list.kids())
        .hasSize(70)
        .allSatisfy(
            li -> assertThat(li.kids()).extracting(Elem::type).containsExactly("Lbl", "LBody"));
    assertThat(list.kids().get(69).text()).startsWith("70. Item 70");
    Elem outer = doc.all("Table").get(0);
    assertThat(outer.kids()).extracting(Elem::type).containsExactly("THead", "TBody");
    assertThat(doc.text())
        .startsWith("Loose text in the body.After a break.")
        .contains("A quotation.", "Definition with emphasis.");
  }

  @Test
  void tagsChangeNothingOnThePage() throws Exception {
    String xhtml = Samples.memo(40);
    PdfEngine engine = new PdfEngine(Path.of("."));
    byte[] tagged = engine.render(xhtml, Samples.META, true);
    byte[] plain = engine.render(xhtml, Samples.META, false);
    assertThat(TaggedPdf.structure(plain)).isNull();
    assertThat(TaggedPdf.operators(plain)).doesNotContainKeys("BDC", "BMC", "EMC");
    assertThat(TaggedPdf.contentWithoutMarks(tagged))
        .isEqualTo(TaggedPdf.contentWithoutMarks(plain));
    assertThat(TaggedPdf.textWithArtifacts(tagged)).isEqualTo(TaggedPdf.textWithArtifacts(plain));
    assertThat(engine.render(xhtml, Samples.META)).isEqualTo(tagged);
  }

  @Test
  void theSampleMemoPassesAndIsBalanced() throws Exception {
    byte[] pdf = new PdfEngine(Path.of(".")).render(Samples.memo(40), Samples.META);
    assertConforms(pdf);
    var ops = TaggedPdf.operators(pdf);
    assertThat(ops.getOrDefault("BDC", 0) + ops.getOrDefault("BMC", 0)).isEqualTo(ops.get("EMC"));
  }
}
