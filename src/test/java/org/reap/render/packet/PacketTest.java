package org.reap.render.packet;

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
import org.reap.render.pdf.PdfNavigation;
import org.reap.render.pdf.TaggedPdf;
import org.reap.testing.TestFiles;

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

  /**
   * The page's text with the artifacts (running footers, the packet's page stamps) that the
   * extractor above leaves out.
   */
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
    assertThat(marks)
        .extracting(m -> (String) m.get("Title"))
        .containsExactly(
            "Contents",
            "Staff report: Permit Fee Waiver for Small Home Repairs",
            "Attachment 2: Racial Equity Analysis",
            "Attachment 3: What We Heard",
            "Attachment 4: Draft ordinance — To be distributed at the meeting");
    String contents = text(r, 1);
    assertThat(contents)
        .contains(
            "AGENDA PACKET",
            "Earlier fee study",
            "Withdrawn: not included",
            "To be distributed at the meeting");
    assertThat(textWithStamps(pdf, 1)).contains("Page 1 of " + pages);
    String last = text(r, pages);
    assertThat(last).contains("Attachment 4: Draft ordinance", "To be distributed at the meeting.");
    assertThat(textWithStamps(pdf, pages)).contains("Page " + pages + " of " + pages);
    int analysisStart = Integer.parseInt(((String) marks.get(2).get("Page")).split(" ")[0]);
    assertThat(text(r, analysisStart)).contains("Attachment 2: Racial Equity Analysis");
    assertThat(text(r, analysisStart + 1)).contains("Permit fee waiver for small home repairs");
    assertThat(r.getInfo())
        .containsEntry("Title", "Agenda packet: Permit Fee Waiver for Small Home Repairs");
    r.close();
    // the same inputs give the same bytes
    assertThat(
            Run.in(
                    dir,
                    "packet",
                    "riverton-eq-2025-05-13-item-2",
                    "--as-of",
                    "2025-05-01",
                    "--out",
                    "again")
                .exit())
        .isZero();
    assertThat(Files.readAllBytes(dir.resolve("again/riverton-eq-2025-05-13-item-2-packet.pdf")))
        .isEqualTo(pdf);
  }

  @Test
  void supplementalPacketHoldsOnlyWhatWasAddedOrRevised() throws IOException {
    Run run =
        Run.in(
            dir,
            "packet",
            "riverton-eq-2025-05-13-item-2",
            "--as-of",
            "2025-05-01",
            "--supplemental");
    assertThat(run.exit()).as(run.all()).isZero();
    PdfReader r =
        new PdfReader(
            Files.readAllBytes(
                dir.resolve("out/riverton-eq-2025-05-13-item-2-supplemental-packet.pdf")));
    assertThat(SimpleBookmark.getBookmarkList(r))
        .extracting(m -> (String) m.get("Title"))
        .containsExactly(
            "Contents",
            "Staff report: Permit Fee Waiver for Small Home Repairs",
            "Attachment 3: What We Heard");
    assertThat(text(r, 1))
        .contains("SUPPLEMENTAL MATERIAL", "Unchanged since the published packet");
  }

  private Run withFile(byte[] bytes) throws IOException {
    Files.createDirectories(dir.resolve("plans/files"));
    Files.write(dir.resolve("plans/files/ordinance.pdf"), bytes);
    Path memo = dir.resolve("plans/agenda-item.yaml");
    Files.writeString(
        memo,
        Files.readString(memo)
            .replace(
                "    title: Draft ordinance\n    status: pending\n",
                "    title: Draft ordinance\n    file: files/ordinance.pdf\n"));
    return Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01");
  }

  @Test
  void aPdfFromTheRepositoryIsIncluded() throws IOException {
    byte[] memoPdf = Files.exists(dir.resolve("x")) ? null : null;
    Run first =
        Run.in(
            dir,
            "render",
            "--as-of",
            "2025-05-01",
            "--only",
            "riverton-what-we-heard",
            "--format",
            "pdf",
            "--out",
            "tmp");
    assertThat(first.exit()).isZero();
    Run run = withFile(Files.readAllBytes(dir.resolve("tmp/riverton-what-we-heard.pdf")));
    assertThat(run.exit()).as(run.all()).isZero();
    PdfReader r =
        new PdfReader(
            Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2-packet.pdf")));
    assertThat(SimpleBookmark.getBookmarkList(r))
        .extracting(m -> (String) m.get("Title"))
        .contains("Attachment 4: Draft ordinance");
    assertThat(memoPdf).isNull();
  }

  @Test
  void badAttachmentsAreNamedAndNothingIsWritten() throws Exception {
    Run notPdf = withFile("this is a Word document".getBytes());
    assertThat(notPdf.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(notPdf.err())
        .startsWith(
            "plans/agenda-item.yaml:52:11: error[packet.attachment]: Attachment 4 (\"Draft ordinance\") (files/ordinance.pdf) is not a PDF file\n")
        .contains("no packet was made: 1 attachment cannot go in it.");
    assertThat(dir.resolve("out")).doesNotExist();

    Run damaged = withFile("%PDF-1.7\n1 0 obj garbage".getBytes());
    assertThat(damaged.err()).contains("is damaged and cannot be read as a PDF");

    ByteArrayOutputStream enc = new ByteArrayOutputStream();
    Run.in(
        dir,
        "render",
        "--as-of",
        "2025-05-01",
        "--only",
        "riverton-outcomes",
        "--format",
        "pdf",
        "--out",
        "tmp");
    PdfStamper st =
        new PdfStamper(
            new PdfReader(Files.readAllBytes(dir.resolve("tmp/riverton-outcomes.pdf"))), enc);
    st.setEncryption(
        "secret".getBytes(),
        "owner".getBytes(),
        PdfWriter.ALLOW_PRINTING,
        PdfWriter.STANDARD_ENCRYPTION_128);
    st.close();
    Run encrypted = withFile(enc.toByteArray());
    assertThat(encrypted.err()).contains("is encrypted or password-protected");
    assertThat(dir.resolve("out")).doesNotExist();

    Path memo = dir.resolve("plans/agenda-item.yaml");
    Files.writeString(
        memo,
        Files.readString(memo).replace("file: files/ordinance.pdf", "file: files/missing.pdf"));
    Run missing = Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01");
    assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(missing.err()).contains("error[attachment.source]", "files/missing.pdf");
  }

  @Test
  void unknownItemIsAUsageErrorThatNamesTheFolderSearched() {
    Run r = Run.in(dir, "packet", "riverton-eq-2025-05-13-item", "--as-of", "2025-05-01");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(
            "there is no agenda item with id 'riverton-eq-2025-05-13-item' in plans/.",
            "did you mean \"riverton-eq-2025-05-13-item-2\"");
  }

  @Test
  void theRepositoryFolderIsGivenAsForTheOtherCommands() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("city"));
    Run run =
        Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "city", "--as-of", "2025-05-01");
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(dir.resolve("out/riverton-eq-2025-05-13-item-2-packet.pdf")).exists();
    Run unknown = Run.in(dir, "packet", "nope", "city", "--as-of", "2025-05-01");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err())
        .contains("in city/.", "Agenda items: riverton-eq-2025-05-13-item-2")
        .doesNotContain("Unmatched argument");
    Run both =
        Run.in(
            dir,
            "packet",
            "riverton-eq-2025-05-13-item-2",
            "city",
            "--plans",
            "plans",
            "--as-of",
            "2025-05-01");
    assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("give the plans folder once");
  }

  @Test
  void problemsAreDiagnosticsThatFollowFormat() throws Exception {
    Files.createDirectories(dir.resolve("plans/files"));
    Files.writeString(dir.resolve("plans/files/ordinance.pdf"), "this is a Word document");
    Path memo = dir.resolve("plans/agenda-item.yaml");
    Files.writeString(
        memo,
        Files.readString(memo)
            .replace(
                "    title: Draft ordinance\n    status: pending\n",
                "    title: Draft ordinance\n    file: files/ordinance.pdf\n"));
    Run json =
        Run.in(
            dir,
            "packet",
            "riverton-eq-2025-05-13-item-2",
            "--as-of",
            "2025-05-01",
            "--format",
            "json");
    assertThat(json.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(json.out())
        .startsWith("{")
        .contains("\"rule\" : \"packet.attachment\"", "is not a PDF file", "\"line\" : 52")
        .doesNotContain("no packet was made");
    Run github =
        Run.in(
            dir,
            "packet",
            "riverton-eq-2025-05-13-item-2",
            "--as-of",
            "2025-05-01",
            "--format",
            "github");
    assertThat(github.out()).startsWith("::error file=plans/agenda-item.yaml,line=52");
    assertThat(dir.resolve("out")).doesNotExist();
    // the ids are registered: reap rules lists them
    assertThat(Run.in(dir, "rules").out())
        .contains("packet.attachment", "packet.accessibility", "render ");
  }

  // ---- page numbering, contents, links -------------------------------------------------------

  private byte[] packet() throws IOException {
    Run run = Run.in(dir, "packet", "riverton-eq-2025-05-13-item-2", "--as-of", "2025-05-01");
    assertThat(run.exit()).as(run.all()).isZero();
    return Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2-packet.pdf"));
  }

  static List<String> links(PdfReader r, int page) {
    return PdfNavigation.links(r, page).stream().map(Object::toString).toList();
  }

  /**
   * One page numbering: every page carries the packet's "Page X of Y" once and no other "Page n of
   * m" (the parts' own page numbers are left out); the pages of an attachment's document carry
   * "Attachment N – page n of m" over that document, and no other page does.
   */
  @Test
  void thePacketHasOnePageNumberingAndAttachmentPagesTheirOwnStamp() throws IOException {
    byte[] pdf = packet();
    PdfReader r = new PdfReader(pdf);
    int pages = r.getNumberOfPages();
    Map<String, Integer> starts = PdfNavigation.starts(pdf);
    r.close();
    java.util.regex.Pattern number = java.util.regex.Pattern.compile("Page \\d+ of \\d+");
    java.util.regex.Pattern own =
        java.util.regex.Pattern.compile("Attachment (\\d+) – page (\\d+) of (\\d+)");
    Map<Integer, String> ownStamps = new java.util.TreeMap<>();
    for (int p = 1; p <= pages; p++) {
      String t = textWithStamps(pdf, p);
      java.util.regex.Matcher m = number.matcher(t);
      List<String> found = new java.util.ArrayList<>();
      while (m.find()) {
        found.add(m.group());
      }
      assertThat(found)
          .as("page numbers on page " + p)
          .containsExactly("Page " + p + " of " + pages);
      assertThat(t).doesNotContain("Packet page");
      java.util.regex.Matcher o = own.matcher(t);
      if (o.find()) {
        ownStamps.put(p, o.group());
        assertThat(o.find()).as("one attachment stamp on page " + p).isFalse();
      }
    }
    // attachment 2 (a cover sheet, then a 1-page document) and 3 (a cover sheet, then its document)
    int a2 = starts.get("Attachment 2: Racial Equity Analysis");
    int a3 = starts.get("Attachment 3: What We Heard");
    int a4 = starts.get("Attachment 4: Draft ordinance — To be distributed at the meeting");
    Map<Integer, String> expected = new java.util.TreeMap<>();
    for (int p = a2 + 1; p < a3; p++) {
      expected.put(p, "Attachment 2 – page " + (p - a2) + " of " + (a3 - a2 - 1));
    }
    for (int p = a3 + 1; p < a4; p++) {
      expected.put(p, "Attachment 3 – page " + (p - a3) + " of " + (a4 - a3 - 1));
    }
    assertThat(expected).isNotEmpty();
    assertThat(ownStamps).isEqualTo(expected);
  }

  /**
   * The contents page gives the page each part starts on, and its rows jump there; so do the memo's
   * links to attachments.
   */
  @Test
  void contentsRowsAndTheMemosLinksJumpToTheirParts() throws IOException {
    byte[] pdf = packet();
    PdfReader r = new PdfReader(pdf);
    Map<String, Integer> starts = PdfNavigation.starts(pdf);
    int memo = starts.get("Staff report: Permit Fee Waiver for Small Home Repairs");
    int a2 = starts.get("Attachment 2: Racial Equity Analysis");
    int a3 = starts.get("Attachment 3: What We Heard");
    int a4 = starts.get("Attachment 4: Draft ordinance — To be distributed at the meeting");
    String contents = text(r, 1);
    assertThat(contents)
        .contains("Staff report Included " + memo)
        .contains("Racial Equity Analysis Included " + a2)
        .contains("What We Heard Included " + a3)
        .contains("Draft ordinance To be distributed at the meeting " + a4);
    assertThat(links(r, 1))
        .containsExactly(
            "Staff report -> page " + memo,
            "Description/Analysis -> page " + memo,
            "Racial Equity Analysis -> page " + a2,
            "What We Heard -> page " + a3,
            "Draft ordinance -> page " + a4);
    // the staff report links to attachments 2 and 3: jumps inside the packet, no relative file
    // links
    List<String> memoLinks = new java.util.ArrayList<>();
    for (int p = memo; p < a2; p++) {
      memoLinks.addAll(links(r, p));
    }
    assertThat(memoLinks)
        .contains("Racial Equity Analysis -> page " + a2, "What We Heard -> page " + a3);
    for (int p = 1; p <= r.getNumberOfPages(); p++) {
      assertThat(links(r, p))
          .as("links on page " + p)
          .allSatisfy(l -> assertThat(l).doesNotEndWith(".pdf"));
    }
    r.close();
  }

  /**
   * Attachments in a clerk's words: no status the YAML does not give, no "TBD" before the document,
   * no word of the repository.
   */
  @Test
  void attachmentsAreDescribedInAClerksWords() throws IOException {
    Path memo = dir.resolve("plans/agenda-item.yaml");
    // attachment 3 without a status, 4 with words of its own, and one more with no status and no
    // file
    Files.writeString(
        memo,
        Files.readString(memo)
            .replace(
                "    title: What We Heard\n    status: revised\n",
                "    title: What We Heard\n    status: pending\n")
            .replace(
                "    title: Draft ordinance\n    status: pending\n",
                "    title: Draft ordinance\n    status: pending\n    availability: Handed out at the meeting\n")
            .replace(
                "    note: Replaced by attachment 2.\n",
                "    note: Replaced by attachment 2.\n  - number: \"6\"\n    title: Fee schedule\n"));
    byte[] pdf = packet();
    PdfReader r = new PdfReader(pdf);
    Map<String, Integer> starts = PdfNavigation.starts(pdf);
    assertThat(starts.keySet())
        .contains(
            "Attachment 3: What We Heard",
            "Attachment 4: Draft ordinance — Handed out at the meeting",
            "Attachment 6: Fee schedule — Available from the Office of the City Clerk");
    StringBuilder all = new StringBuilder();
    for (int p = 1; p <= r.getNumberOfPages(); p++) {
      all.append(text(r, p)).append('\n');
    }
    assertThat(all.toString())
        .doesNotContain("Final", "repository", "placeholder", "To be provided");
    assertThat(text(r, 1))
        .contains(
            "Fee schedule Available from the Office of the City Clerk",
            "Draft ordinance Handed out at the meeting");
    assertThat(
            text(
                r,
                starts.get(
                    "Attachment 6: Fee schedule — Available from the Office of the City Clerk")))
        .contains("Attachment 6: Fee schedule", "Available from the Office of the City Clerk.");
    // a cover sheet says no status in front of the document, and carries the title in its heading
    String cover = text(r, starts.get("Attachment 3: What We Heard"));
    assertThat(cover)
        .contains("Attachment 3: What We Heard")
        .doesNotContain("TBD", "Revised", "To be distributed");
    r.close();
    // the memo: a status only where the YAML gives one
    Run render =
        Run.in(
            dir,
            "render",
            "--as-of",
            "2025-05-01",
            "--only",
            "riverton-eq-2025-05-13-item-2",
            "--format",
            "html",
            "--out",
            "html");
    assertThat(render.exit()).as(render.all()).isZero();
    String html = Files.readString(dir.resolve("html/riverton-eq-2025-05-13-item-2.html"));
    String table =
        html.substring(
            html.indexOf("<table class=\"attachments\""),
            html.indexOf("</table>", html.indexOf("<table class=\"attachments\"")));
    assertThat(table)
        .doesNotContain("Final")
        .contains("TBD", "Handed out at the meeting", "Withdrawn");
    // attachment 2 gives no status: its status cell is empty
    String row2 = table.substring(table.indexOf("Racial Equity Analysis"));
    row2 = row2.substring(0, row2.indexOf("</tr>"));
    assertThat(row2.replaceAll("<[^>]+>", "").strip()).isEqualTo("Racial Equity Analysis");
    // a committee without a publisher: the clerk
    Files.writeString(
        memo, Files.readString(memo).replace("  publisher: Office of the City Clerk\n", ""));
    PdfReader again = new PdfReader(packet());
    assertThat(text(again, 1)).contains("Fee schedule Available from the clerk");
    assertThat(
            PdfNavigation.starts(
                Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2-packet.pdf"))))
        .containsKey("Attachment 6: Fee schedule — Available from the clerk");
    again.close();
  }

  @Test
  void aPacketThatCannotBeWrittenIsAnOutputErrorAsForRender() throws IOException {
    Files.writeString(dir.resolve("blocker"), "a file where the folder should be\n");
    Run r =
        Run.in(
            dir,
            "packet",
            "riverton-eq-2025-05-13-item-2",
            "--as-of",
            "2025-05-01",
            "--out",
            "blocker");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(r.out()).doesNotContain("wrote");
    assertThat(r.err()).contains("is a file, not a folder").doesNotContain("\tat ");
  }
}
