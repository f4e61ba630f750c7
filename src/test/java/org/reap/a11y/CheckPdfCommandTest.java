package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.reap.cli.ExitCodes;
import org.reap.cli.Run;

/** {@code reap check-pdf}, run in-process: verdicts, plain-words rules, exit codes, bad files. */
class CheckPdfCommandTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  /** A PDF as many office tools write it: untagged, Helvetica not embedded, no PDF/A metadata. */
  private static byte[] plainPdf(boolean encrypted) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document();
    PdfWriter w = PdfWriter.getInstance(doc, out);
    if (encrypted) {
      w.setEncryption(
          "user".getBytes(),
          "owner".getBytes(),
          PdfWriter.ALLOW_PRINTING,
          PdfWriter.STANDARD_ENCRYPTION_128);
    }
    doc.open();
    doc.add(new Paragraph("Attachment from another department"));
    doc.close();
    return out.toByteArray();
  }

  private static void noStackTrace(Run r) {
    assertThat(r.all())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("internal error");
  }

  @Test
  void reapsOwnPdfsPass() throws Exception {
    byte[] memo = RenderedPdfs.of(RenderedPdfs.PLANS).get("score-rec-2024-10-29-item-4");
    byte[] timeline = RenderedPdfs.of(RenderedPdfs.PLANS).get("score-2024-timeline");
    write("memo.pdf", memo);
    write("timeline.pdf", timeline);
    Run r = Run.in(dir, "check-pdf", "memo.pdf", "timeline.pdf");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("memo.pdf: passes PDF/UA-1, passes PDF/A-2u.")
        .contains("timeline.pdf: passes PDF/UA-1, passes PDF/A-2u.");
    noStackTrace(r);
  }

  @Test
  void anUntaggedPdfFailsWithRulesInPlainWords() throws Exception {
    write("attachment.pdf", plainPdf(false));
    Run r = Run.in(dir, "check-pdf", "attachment.pdf");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).startsWith("attachment.pdf: fails PDF/UA-1 (").contains("fails PDF/A-2u (");
    // rule id, plain words, count and page
    assertThat(r.out())
        .containsPattern(
            "PDF/UA-1 rule 7\\.1-3: Some content is neither tagged nor marked as decoration[^\\n]*\\(\\d+ times?, page 1\\)");
    assertThat(r.out()).contains("PDF/UA-1 rule 7.1-8: The file has no XMP metadata. (1 time)");
    assertThat(r.out())
        .containsPattern("PDF/A-2u rule 6\\.2\\.11\\.4\\.1-1: A font is not embedded\\.");
    noStackTrace(r);
  }

  @Test
  void oneFailingFileMakesTheExitCodeOne() throws Exception {
    write("memo.pdf", RenderedPdfs.of(RenderedPdfs.PLANS).get("score-rec-2024-10-29-item-4"));
    write("attachment.pdf", plainPdf(false));
    Run r = Run.in(dir, "check-pdf", "memo.pdf", "attachment.pdf");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).contains("memo.pdf: passes", "attachment.pdf: fails");
  }

  @Test
  void filesThatCannotBeCheckedAreNamedWithoutAStackTrace() throws Exception {
    write("notes.pdf", "These are meeting notes, not a PDF.\n".getBytes());
    byte[] good = RenderedPdfs.of(RenderedPdfs.PLANS).get("score-rec-2024-10-29-item-4");
    write("damaged.pdf", Arrays.copyOf(good, 400));
    write("locked.pdf", plainPdf(true));
    Files.createDirectories(dir.resolve("folder.pdf"));
    for (String[] c :
        new String[][] {
          {"missing.pdf", "missing.pdf: cannot check: no such file."},
          {"notes.pdf", "notes.pdf: cannot check: it is not a PDF"},
          {"damaged.pdf", "damaged.pdf: cannot check: "},
          {"locked.pdf", "locked.pdf: cannot check: it is encrypted"},
          {"folder.pdf", "folder.pdf: cannot check: not a file."}
        }) {
      Run r = Run.in(dir, "check-pdf", c[0]);
      assertThat(r.exit()).as(c[0] + ": " + r.all()).isEqualTo(ExitCodes.INVALID);
      assertThat(r.out()).as(c[0]).startsWith(c[1]);
      noStackTrace(r);
    }
  }

  @Test
  void needsAFile() {
    Run r = Run.in(dir, "check-pdf");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("FILE");
  }
}
