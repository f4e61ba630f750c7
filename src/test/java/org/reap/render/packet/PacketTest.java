package org.reap.render.packet;

import org.reap.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.SimpleBookmark;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.reap.cli.ExitCodes;
import org.reap.cli.Run;
import org.reap.render.pdf.TaggedPdf;

/** The agenda packet: order, cover sheets, placeholders, stamps, bookmarks, and bad attachments. */
class PacketTest {
  @TempDir Path dir;

  @BeforeEach
  void repo() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
  }

  static String text(PdfReader r, int page) throws IOException {
    return new PdfTextExtractor(r).getTextFromPage(page).replaceAll("\\s+", " ");
  }

  /** The page's text with the artifacts (running footers, the packet's page stamps) that the extractor above leaves out. */
  static String textWithStamps(byte[] pdf, int page) {
    return TaggedPdf.textWithArtifacts(pdf).split("\f")[page - 1].replaceAll("\\s+", " ");
  }

  @Test
  void packetHasEveryPartInOrder() throws IOException {
    Run run = Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01");
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.out()).isEqualTo("wrote out/riverton-eq-2025-05-13-item-2-packet.pdf\n");
    byte[] pdf = Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2-packet.pdf"));
    PdfReader r = new PdfReader(pdf);
    int pages = r.getNumberOfPages();
    List<Map<String, Object>> marks = SimpleBookmark.getBookmarkList(r);
    assertThat(marks).extracting(m -> (String) m.get("Title"))
        .containsExactly(
            "Contents",
            "Staff report: Permit Fee Waiver for Small Home Repairs",
            "Attachment 2: Racial Equity Analysis",
            "Attachment 3: What We Heard",
            "Attachment 4: Draft ordinance (to be provided)");
    String contents = text(r, 1);
    assertThat(contents).contains("AGENDA PACKET", "Earlier fee study", "Withdrawn: not included", "To be provided");
    assertThat(textWithStamps(pdf, 1)).contains("Packet page 1 of " + pages);
    String last = text(r, pages);
    assertThat(last).contains("Attachment 4", "Draft ordinance", "To be provided.");
    assertThat(textWithStamps(pdf, pages)).contains("Packet page " + pages + " of " + pages);
    int analysisStart = Integer.parseInt(((String) marks.get(2).get("Page")).split(" ")[0]);
    assertThat(text(r, analysisStart)).contains("Attachment 2", "Racial Equity Analysis");
    assertThat(text(r, analysisStart + 1)).contains("Permit fee waiver for small home repairs");
    assertThat(r.getInfo()).containsEntry("Title", "Agenda packet: Permit Fee Waiver for Small Home Repairs");
    r.close();
    // the same inputs give the same bytes
    assertThat(Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01", "--out", "again").exit()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("again/riverton-eq-2025-05-13-item-2-packet.pdf"))).isEqualTo(pdf);
  }

  @Test
  void supplementalPacketHoldsOnlyWhatWasAddedOrRevised() throws IOException {
    Run run = Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01", "--supplemental");
    assertThat(run.exit()).as(run.all()).isZero();
    PdfReader r = new PdfReader(Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2-supplemental-packet.pdf")));
    assertThat(SimpleBookmark.getBookmarkList(r)).extracting(m -> (String) m.get("Title")).containsExactly("Contents", "Staff report: Permit Fee Waiver for Small Home Repairs", "Attachment 3: What We Heard");
    assertThat(text(r, 1)).contains("SUPPLEMENTAL MATERIAL", "Unchanged since the published packet");
  }

  private Run withFile(byte[] bytes) throws IOException {
    Files.createDirectories(dir.resolve("plans/files"));
    Files.write(dir.resolve("plans/files/ordinance.pdf"), bytes);
    Path memo = dir.resolve("plans/agenda-item.yaml");
    Files.writeString(memo, Files.readString(memo).replace("    title: Draft ordinance\n    status: pending\n", "    title: Draft ordinance\n    file: files/ordinance.pdf\n"));
    return Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01");
  }

  @Test
  void aPdfFromTheRepositoryIsIncluded() throws IOException {
    byte[] memoPdf = Files.exists(dir.resolve("x")) ? null : null;
    Run first = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", "riverton-what-we-heard", "--format", "pdf", "--out", "tmp");
    assertThat(first.exit()).isZero();
    Run run = withFile(Files.readAllBytes(dir.resolve("tmp/riverton-what-we-heard.pdf")));
    assertThat(run.exit()).as(run.all()).isZero();
    PdfReader r = new PdfReader(Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2-packet.pdf")));
    assertThat(SimpleBookmark.getBookmarkList(r)).extracting(m -> (String) m.get("Title")).contains("Attachment 4: Draft ordinance");
    assertThat(memoPdf).isNull();
  }

  @Test
  void badAttachmentsAreNamedAndNothingIsWritten() throws Exception {
    Run notPdf = withFile("this is a Word document".getBytes());
    assertThat(notPdf.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(notPdf.err()).contains("Attachment 4 (\"Draft ordinance\") (files/ordinance.pdf) is not a PDF file", "no packet was made");
    assertThat(dir.resolve("out")).doesNotExist();

    Run damaged = withFile("%PDF-1.7\n1 0 obj garbage".getBytes());
    assertThat(damaged.err()).contains("is damaged and cannot be read as a PDF");

    ByteArrayOutputStream enc = new ByteArrayOutputStream();
    Run.in(dir, "render", "--as-of", "2025-05-01", "--only", "riverton-outcomes", "--format", "pdf", "--out", "tmp");
    PdfStamper st = new PdfStamper(new PdfReader(Files.readAllBytes(dir.resolve("tmp/riverton-outcomes.pdf"))), enc);
    st.setEncryption("secret".getBytes(), "owner".getBytes(), PdfWriter.ALLOW_PRINTING, PdfWriter.STANDARD_ENCRYPTION_128);
    st.close();
    Run encrypted = withFile(enc.toByteArray());
    assertThat(encrypted.err()).contains("is encrypted or password-protected");
    assertThat(dir.resolve("out")).doesNotExist();

    Path memo = dir.resolve("plans/agenda-item.yaml");
    Files.writeString(memo, Files.readString(memo).replace("file: files/ordinance.pdf", "file: files/missing.pdf"));
    Run missing = Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01");
    assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(missing.err()).contains("error[attachment.source]", "files/missing.pdf");
  }

  @Test
  void unknownItemIsAUsageError() {
    Run r = Run.in(dir, "packet", "riverton-eq-2025-05-13-item", "--as-of", "2025-05-01");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("did you mean \"riverton-eq-2025-05-13-item-2\"");
  }

  @Test
  void aPacketThatCannotBeWrittenIsAnOutputErrorAsForRender() throws IOException {
    Files.writeString(dir.resolve("blocker"), "a file where the folder should be\n");
    Run r = Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01", "--out", "blocker");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(r.out()).doesNotContain("wrote");
    assertThat(r.err()).contains("is a file, not a folder").doesNotContain("\tat ");
  }
}
