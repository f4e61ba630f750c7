package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reap.render.pdf.TaggedPdf;
import org.reap.render.pdf.TaggedPdf.Elem;

/**
 * What veraPDF cannot judge, read back from the memo's structure tree: the heading outline a
 * screen-reader user navigates by, the attachment table's column headers, the links, and that
 * running headers and footers stay out of the reading order.
 */
class MemoStructureTest {
  private static Elem memo(String repo, String name) {
    byte[] pdf = RenderedPdfs.of(java.nio.file.Path.of(repo)).get(name);
    assertThat(pdf).as(name).isNotNull();
    Elem doc = TaggedPdf.structure(pdf);
    assertThat(doc).isNotNull();
    return doc;
  }

  private static List<String> outline(Elem doc) {
    List<String> out = new java.util.ArrayList<>();
    doc.walk(
        e -> {
          if (e.type().matches("H[1-6]")) {
            out.add(e.type() + " " + e.text());
          }
        });
    return out;
  }

  @Test
  void sampleMemoHasTheStaffReportOutline() {
    Elem doc = memo("plans", "score-rec-2024-10-29-item-4");
    assertThat(doc.type()).isEqualTo("Document");
    assertThat(doc.attributes()).containsEntry("Lang", "en");
    assertThat(outline(doc))
        .as(doc.dump())
        .containsExactly(
            "H1 4. Consideration of Racial Equity Resolution Developed by the SCORE Initiative",
            "H2 Attachments",
            "H2 Description/Analysis",
            "H3 Issue Detail",
            "H3 Policy Considerations",
            "H3 Economic Impacts",
            "H3 Environmental Considerations",
            "H3 Sustainability",
            "H3 Commission/Committee Action",
            "H3 Rationale for Recommendation",
            "H3 Financial Considerations",
            "H3 Local Business Enterprise (LBE)");
  }

  @Test
  void attachmentTableHasColumnHeadersWithScope() {
    Elem doc = memo("plans", "score-rec-2024-10-29-item-4");
    Elem attachments =
        doc.all("Table").stream()
            .filter(t -> t.text().startsWith("No.AttachmentStatus"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(doc.dump()));
    Elem head = attachments.kids().get(0);
    assertThat(head.type()).isEqualTo("THead");
    List<Elem> headers = head.all("TH");
    assertThat(headers).extracting(Elem::text).containsExactly("No.", "Attachment", "Status");
    assertThat(headers)
        .allSatisfy(th -> assertThat(th.attributes()).containsEntry("Scope", "Column"));
    Elem body = attachments.kids().get(1);
    assertThat(body.type()).isEqualTo("TBody");
    assertThat(body.kids())
        .hasSize(6)
        .allSatisfy(
            tr -> assertThat(tr.kids()).extracting(Elem::type).containsExactly("TD", "TD", "TD"));
    assertThat(body.kids().get(2).text())
        .contains("Summary of Racial Equity Alliance")
        .contains("(supplemental)");
    // the fields table before it heads its rows
    Elem fields = doc.all("Table").get(0);
    assertThat(fields.all("TH"))
        .isNotEmpty()
        .allSatisfy(th -> assertThat(th.attributes()).containsEntry("Scope", "Row"));
  }

  @Test
  void linksAreTaggedAndRunningHeadersAreNot() {
    Elem doc = memo("plans", "score-rec-2024-10-29-item-4");
    List<Elem> links = doc.all("Link");
    assertThat(links)
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.objectRefs()).as(l.text()).isGreaterThanOrEqualTo(1));
    assertThat(links).extracting(Elem::text).contains("ajoe@cityofsacramento.org");
    String all = doc.text();
    assertThat(all)
        .contains("Consideration of Racial Equity Resolution", "Local Business Enterprise (LBE)");
    // the running footer ("File ID: ...", "Page 1 of 2") is a pagination artifact, not content
    assertThat(all).doesNotContain("File ID: 2024-01837").doesNotContain("Page 1 of");
    // reading order follows the document: the title before the attachments, sections in order
    assertThat(all.indexOf("Consideration of Racial Equity"))
        .isLessThan(all.indexOf("Attachments"));
    assertThat(all.indexOf("Issue Detail")).isLessThan(all.indexOf("Financial Considerations"));
    // the layout table of members and staff is not announced as a table
    assertThat(doc.all("Table")).noneSatisfy(t -> assertThat(t.text()).contains("Mindy Cuppy"));
  }

  @Test
  void exampleMemoHasTheSameOutline() {
    Elem doc = memo("docs/examples", "riverton-eq-2025-05-13-item-2");
    List<String> outline = outline(doc);
    assertThat(outline).as(doc.dump()).first().asString().startsWith("H1 ");
    assertThat(outline).contains("H2 Attachments", "H2 Description/Analysis");
    assertThat(outline.stream().filter(h -> h.startsWith("H3 "))).isNotEmpty();
  }

  @Test
  void everyDocumentStartsWithOneH1AndSkipsNoLevel() {
    for (String repo : List.of("plans", "docs/examples")) {
      RenderedPdfs.of(java.nio.file.Path.of(repo))
          .forEach(
              (name, pdf) -> {
                List<String> outline = outline(TaggedPdf.structure(pdf));
                assertThat(outline).as(name).isNotEmpty();
                assertThat(outline.get(0)).as(name).startsWith("H1 ");
                int previous = 0;
                for (String h : outline) {
                  int level = h.charAt(1) - '0';
                  assertThat(level)
                      .as(name + ": " + h + " after H" + previous)
                      .isLessThanOrEqualTo(previous + 1);
                  previous = level;
                }
              });
    }
  }
}
