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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;
import org.reap.render.pdf.PdfConformance;
import org.reap.render.pdf.PdfNavigation;
import org.reap.render.pdf.TaggedPdf;
import org.reap.render.testing.PdfInspect;
import org.reap.testing.TestFiles;

/**
 * A long timeline laid out in slices and joined (issue 18): one PDF that reads as the whole
 * document laid out at once does, in page numbers, outline, structure tree and rows; the same bytes
 * on 1 and 4 threads; a timeline no longer than a slice is rendered whole, as before.
 */
class TimelineSlicesTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 5, 1);
  static final String TIMELINE = "riverton-2025-timeline";
  static final int EXTRA = 300;
  static final int SLICE = 50;

  @TempDir static Path dir;
  static Path repo;
  static int rows;
  static byte[] whole;
  static byte[] sliced;

  /**
   * docs/examples with EXTRA generated milestones after its own few (a Gantt chart follows the
   * table).
   */
  @BeforeAll
  static void render() throws Exception {
    repo = dir.resolve("repo");
    TestFiles.copyTree(Path.of("docs/examples"), repo);
    Path ms = repo.resolve("milestones.yaml");
    StringBuilder b = new StringBuilder(Files.readString(ms, StandardCharsets.UTF_8));
    if (!b.toString().endsWith("\n")) {
      b.append('\n');
    }
    LocalDate d = LocalDate.of(2025, 9, 1);
    for (int i = 1; i <= EXTRA; i++) {
      b.append("  - date: ").append(d).append('\n');
      b.append("    title: Generated milestone ")
          .append(i)
          .append(
              i % 7 == 0
                  ? " with a longer title that wraps onto a second line of its cell in the table"
                  : "")
          .append('\n');
      b.append("    owner: Team ").append(i % 5).append('\n');
      b.append("    partnership: ").append(i % 3 == 0 ? "yes" : "no").append('\n');
      d = d.plusDays(1 + i % 4);
    }
    Files.writeString(ms, b.toString(), StandardCharsets.UTF_8);
    Renderer r = renderer();
    rows = r.jobs().size() == 1 ? countRows() : -1;
    whole = pdf(r.sliceRows(1_000_000).threads(1));
    sliced = pdf(renderer().sliceRows(SLICE).threads(1));
  }

  private static int countRows() throws IOException {
    return (int)
        Files.readAllLines(repo.resolve("milestones.yaml")).stream()
            .filter(l -> l.startsWith("  - "))
            .count();
  }

  private static Renderer renderer() {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    return new Renderer(
        c.repository(),
        new Renderer.Options(
            AS_OF,
            Renderer.pdfDate(AS_OF),
            EnumSet.of(Renderer.Format.PDF),
            null,
            Set.of(TIMELINE)));
  }

  private static byte[] pdf(Renderer r) {
    Renderer.Result result = r.render();
    assertThat(result.problems()).isEmpty();
    List<Renderer.Rendered> pdfs =
        result.files().stream().filter(f -> f.fileName().equals(TIMELINE + ".pdf")).toList();
    assertThat(pdfs).hasSize(1);
    return pdfs.get(0).bytes();
  }

  @Test
  void theSameBytesOnOneAndOnFourThreads() {
    assertThat(pdf(renderer().sliceRows(SLICE).threads(4))).isEqualTo(sliced);
    assertThat(sliced).isNotEqualTo(whole);
  }

  @Test
  void aTimelineNoLongerThanASliceIsRenderedWhole() {
    assertThat(rows).isEqualTo(EXTRA + 4);
    assertThat(pdf(renderer().sliceRows(rows).threads(2))).isEqualTo(whole);
  }

  @Test
  void pagesAreNumberedOnceAndInOrder() {
    int n = PdfInspect.pages(sliced);
    int w = PdfInspect.pages(whole);
    // each slice but the last may end on a page it does not fill
    assertThat(n).isBetween(w, w + (EXTRA + 4) / SLICE + 1);
    Pattern stamp = Pattern.compile("Page (\\d+) of (\\d+)");
    String[] pages = TaggedPdf.textWithArtifacts(sliced).split("\f");
    assertThat(pages).hasSize(n);
    for (int p = 1; p <= n; p++) {
      Matcher m = stamp.matcher(pages[p - 1].replaceAll("\\s+", " "));
      List<String> found = new ArrayList<>();
      while (m.find()) {
        found.add(m.group());
      }
      assertThat(found).as("page %d", p).containsExactly("Page " + p + " of " + n);
    }
  }

  @Test
  void oneOutlineAsTheWholeDocumentHas() throws IOException {
    List<String> w = titles(PdfNavigation.outline(whole));
    assertThat(titles(PdfNavigation.outline(sliced))).isEqualTo(w);
    assertThat(w).isNotEmpty();
    assertThat(PdfNavigation.outline(sliced)).hasSize(PdfNavigation.outline(whole).size());
    int n = PdfInspect.pages(sliced);
    for (String line : PdfNavigation.outline(sliced).get(0).lines()) {
      int page = Integer.parseInt(line.substring(line.lastIndexOf('@') + 1).strip());
      assertThat(page).isBetween(1, n);
    }
  }

  private static List<String> titles(List<PdfNavigation.Mark> marks) {
    return marks.stream()
        .flatMap(m -> m.lines().stream())
        .map(l -> l.substring(0, l.lastIndexOf(" @ ")))
        .toList();
  }

  @Test
  void oneStructureTreeWithOneTimelineTable() {
    TaggedPdf.Elem w = TaggedPdf.structure(whole);
    TaggedPdf.Elem s = TaggedPdf.structure(sliced);
    assertThat(s.type()).isEqualTo("Document");
    assertThat(histogram(s)).isEqualTo(histogram(w));
    assertThat(s.all("Document")).hasSize(1);
    // the timeline and the deliverables under the Gantt chart: as many tables, each with one header
    assertThat(s.all("Table")).hasSize(w.all("Table").size());
    for (TaggedPdf.Elem t : s.all("Table")) {
      assertThat(t.all("THead")).hasSize(1);
    }
    TaggedPdf.Elem timeline = s.all("Table").get(0);
    assertThat(timeline.all("TR")).hasSize(rows + 1);
    assertThat(texts(s.all("TR"))).isEqualTo(texts(w.all("TR")));
    assertThat(texts(s.all("H1"))).isEqualTo(texts(w.all("H1")));
    assertThat(texts(s.all("H2"))).isEqualTo(texts(w.all("H2")));
  }

  private static Map<String, Integer> histogram(TaggedPdf.Elem root) {
    Map<String, Integer> h = new TreeMap<>();
    root.walk(e -> h.merge(e.type(), 1, Integer::sum));
    return h;
  }

  private static List<String> texts(List<TaggedPdf.Elem> elems) {
    return elems.stream().map(TaggedPdf.Elem::text).collect(Collectors.toList());
  }

  @Test
  void passesVeraPdf() throws Exception {
    PdfConformance.Report report =
        PdfConformance.check(
            sliced,
            List.of(
                PdfConformance.Profile.PDF_UA_1,
                PdfConformance.Profile.PDF_A_2A,
                PdfConformance.Profile.PDF_A_2U));
    assertThat(report.passed())
        .as(
            () ->
                report.all().stream()
                    .map(
                        f ->
                            f.profile().label()
                                + " "
                                + f.ruleId()
                                + " ×"
                                + f.count()
                                + ": "
                                + f.description())
                    .collect(Collectors.joining("\n")))
        .isTrue();
  }

  @Test
  void metadataAsTheWholeDocumentHas() {
    for (String key :
        List.of("Title", "Author", "Creator", "Producer", "CreationDate", "ModDate")) {
      assertThat(PdfInspect.infoString(sliced, key))
          .as(key)
          .isEqualTo(PdfInspect.infoString(whole, key));
    }
    assertThat(PdfInspect.catalog(sliced).get(org.openpdf.text.pdf.PdfName.LANG))
        .hasToString(PdfInspect.catalog(whole).get(org.openpdf.text.pdf.PdfName.LANG).toString());
    assertThat(PdfInspect.xmp(sliced)).contains("pdfuaid:part").contains("pdfaid:part");
  }

  /** A translated copy is sliced too: its page numbers in its own words. */
  @Test
  void aTranslatedCopyIsSlicedWithItsOwnPageNumbers() {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    Renderer r =
        new Renderer(
                c.repository(),
                new Renderer.Options(
                    AS_OF,
                    Renderer.pdfDate(AS_OF),
                    EnumSet.of(Renderer.Format.PDF),
                    null,
                    Set.of(TIMELINE),
                    null,
                    List.of("es")))
            .sliceRows(SLICE)
            .threads(2);
    Renderer.Result result = r.render();
    assertThat(result.problems()).isEmpty();
    byte[] es =
        result.files().stream()
            .filter(f -> f.fileName().equals(TIMELINE + ".es.pdf"))
            .findFirst()
            .orElseThrow()
            .bytes();
    String[] pages = TaggedPdf.textWithArtifacts(es).split("\f");
    for (int p = 1; p <= pages.length; p++) {
      assertThat(pages[p - 1].replaceAll("\\s+", " "))
          .contains("Página " + p + " de " + pages.length)
          .doesNotContain("Page ");
    }
    TaggedPdf.Elem s = TaggedPdf.structure(es);
    assertThat(s.all("Document")).hasSize(1);
    assertThat(s.all("Table").get(0).all("TR")).hasSize(rows + 1);
  }

  /** A city's own timeline template knows nothing of slices: such a timeline is rendered whole. */
  @Test
  void aCitysOwnTimelineTemplateIsRenderedWhole() throws IOException {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates);
    Files.copy(
        Path.of("templates/timeline.ftlx"),
        templates.resolve("timeline.ftlx"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    Renderer.Options o =
        new Renderer.Options(
            AS_OF,
            Renderer.pdfDate(AS_OF),
            EnumSet.of(Renderer.Format.PDF),
            templates,
            Set.of(TIMELINE));
    byte[] own = pdf(new Renderer(c.repository(), o).sliceRows(SLICE));
    assertThat(own).isEqualTo(whole);
  }

  /**
   * Slices are cut between months only: together they are the months in order, each at most SLICE
   * rows or one month.
   */
  @Test
  void slicesAreCutBetweenMonths() {
    org.reap.render.view.Timeline all =
        (org.reap.render.view.Timeline) renderer().jobs().get(0).model().get();
    List<org.reap.render.view.View> slices = TimelineSlices.split(all, SLICE);
    assertThat(slices).hasSizeGreaterThan(1);
    List<org.reap.render.view.Timeline.Month> months = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < slices.size(); i++) {
      org.reap.render.view.Timeline.Slice s = (org.reap.render.view.Timeline.Slice) slices.get(i);
      org.reap.render.view.Timeline t = (org.reap.render.view.Timeline) s.view();
      assertThat(s.sliceFirst()).isEqualTo(i == 0);
      assertThat(s.monthOffset()).isEqualTo(offset);
      int n = t.months().stream().mapToInt(m -> m.rows().size()).sum();
      assertThat(n <= SLICE || t.months().size() == 1).as("slice %d: %d rows", i, n).isTrue();
      assertThat(t.gantt() != null).isEqualTo(i == slices.size() - 1 && all.gantt() != null);
      months.addAll(t.months());
      offset += t.months().size();
    }
    assertThat(months).containsExactlyElementsOf(all.months());
    assertThat(TimelineSlices.split(all, rows)).isNull();
  }
}
